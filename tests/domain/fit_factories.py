"""Small contents for the fit tests: the shipped content's frame around made-up options."""

from __future__ import annotations

from functools import cache

from decisionaid import locations
from decisionaid.domain.content import Attribute, AttributeScore, Content, HardLimit, NotFor, Option
from decisionaid.domain.session import Profile, Session
from decisionaid.loader import load_content
from tests.domain.factories import option as plain_option

Score = float | tuple[float, float, float]
"""A central score, or (low, score, high)."""


@cache
def shipped() -> Content:
    """The real English content (loaded once per test run)."""
    return load_content(locations.locale_root("en"))


def _score(value: Score, attribute_id: str) -> AttributeScore:
    low, score, high = value if isinstance(value, tuple) else (value, value, value)
    return AttributeScore(score=score, low=low, high=high, reason=f"why {attribute_id}", source="S1")


def option(
    option_id: str,
    *,
    kind: str = "factor",
    applies_to: str = "both",
    status: str = "available",
    not_for: tuple[NotFor, ...] = (),
    availability: str = "Widely",
    **scores: Score,
) -> Option:
    """An option with these scores (a number, or low/score/high) and the given standing."""
    base = plain_option(option_id)
    return base.model_copy(
        update={
            "kind": kind,
            "applies_to": applies_to,
            "status": status,
            "not_for": list(not_for),
            "availability": availability,
            "attributes": {a: _score(v, a) for a, v in scores.items()},
        }
    )


def current() -> Option:
    """ "Stay with my current treatment": no scores of its own."""
    return option("current", kind="current")


def not_for(reason: str = "Not licensed for you.", sources: tuple[str, ...] = ("S2",), **when) -> NotFor:
    """A licence rule: `not_for(inhibitors=["now"])`."""
    return NotFor(when=when, reason=reason, sources=list(sources))


def attribute(attribute_id: str) -> Attribute:
    """An attribute with placeholder text."""
    return Attribute(
        id=attribute_id,
        name=attribute_id.title(),
        values_question="How much?",
        low_pole="Low",
        high_pole="High",
        grid_question="How?",
    )


def content(
    *options: Option, attributes: tuple[str, ...] = (), limits: tuple[HardLimit, ...] = ()
) -> Content:
    """A content with these options (in this order), attributes and hard limits.

    The attributes default to those the first scored option has scores for."""
    if not attributes:
        attributes = tuple(next(o for o in options if o.kind != "current").attributes)
    return shipped().model_copy(
        update={
            "options": list(options),
            "attributes": [attribute(a) for a in attributes],
            "hard_limits": list(limits),
        }
    )


def session(
    importance: dict[str, int] | None = None,
    top: tuple[str, ...] = (),
    limits: tuple[str, ...] = (),
    **profile: str,
) -> Session:
    """A session with these answers; type A unless said (with no type known, nothing is
    scored)."""
    profile.setdefault("hemophilia_type", "A")
    return Session(
        importance=importance or {},
        top_priorities=list(top),
        hard_limits=list(limits),
        profile=Profile(**profile),
    )
