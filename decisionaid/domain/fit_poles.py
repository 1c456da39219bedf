"""The ends of each rating question among the options a person is shown (model reviews
M-13 and M2-6).

The fit rescales every attribute across the options scored for this person: the
worst of them counts 0 and the best 1 (`fit.swing`). The rating question's own poles
are global ("A dose every day" ... "One treatment, then none"), and may describe a
gap that is not on offer (gene therapy ruled out, say). So once the person's type is
known, each question also says where his options sit at its two ends, in the words
of the rubric's levels ("from a dose about every day to one treatment, then no
planned doses"), or that his options do not differ on it (then the rating does not
change his fit). It names no product: naming options while the weights are set turns
weighting into judging the options, and lets a person lift the features where an
option he already leans to is "best" (M2-6). Products are named on the fit and
Compare pages."""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Attribute, Content, Option
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.session import Profile

_EPS = 1e-9
"""Scores are binary fractions: differences below this are ties (as in fit.py)."""


@dataclass(frozen=True)
class LocalEnds:
    """One attribute's ends among the options shown, in the rubric's level words."""

    attribute_id: str
    worst: str
    """The words of the lowest level an option shown scores; "" when they do not differ."""
    best: str
    worst_unsure: bool = False
    """An option at the worst end has a range reaching above it (for some it is better)."""
    best_unsure: bool = False
    """An option at the best end has a range reaching below it (not for everyone)."""

    @property
    def flat(self) -> bool:
        """The options shown all score the same here, so a rating of it moves no fit."""
        return not self.worst


def level_words(attribute: Attribute, score: float) -> str:
    """The rubric's short words for the level at `score` (its full words if it has no
    short ones, the high or low pole without a rubric)."""
    if attribute.rubric is not None:
        for level in attribute.rubric.levels:
            if abs(level.score - score) <= _EPS:
                return level.short or level.when
    return attribute.high_pole if score >= 0.5 else attribute.low_pole


def _ends(attribute: Attribute, shown: list[Option]) -> LocalEnds:
    scores = [o.attributes[attribute.id] for o in shown if attribute.id in o.attributes]
    if not scores:
        return LocalEnds(attribute.id, "", "")
    least = min(s.score for s in scores)
    most = max(s.score for s in scores)
    if most - least <= _EPS:
        return LocalEnds(attribute.id, "", "")
    return LocalEnds(
        attribute.id,
        level_words(attribute, least),
        level_words(attribute, most),
        worst_unsure=any(s.highest > s.score + _EPS for s in scores if s.score <= least + _EPS),
        best_unsure=any(s.lowest < s.score - _EPS for s in scores if s.score >= most - _EPS),
    )


def local_ends(content: Content, profile: Profile) -> dict[str, LocalEnds]:
    """Attribute id -> its ends among the options scored for this person (the ones the
    fit rescales on); empty until his hemophilia type is known, as the options are not."""
    if profile.hemophilia_type not in ("A", "B"):
        return {}
    shown = fit_options(content, profile)[0]
    return {attribute.id: _ends(attribute, shown) for attribute in content.attributes}
