"""Deciding with others, and how the person's leaning moved (Ottawa Personal Decision Guide).

Who else is involved, what each would prefer, whether he feels pressure, and where he
leaned and how sure he was at the start and at the end, in the content's words. Pure.
"""

from __future__ import annotations

from decisionaid.domain.content import Content
from decisionaid.domain.session import INVOLVED, Session


def leaning_name(content: Content, value: str | None) -> str | None:
    """An answer to "where are you leaning" in words: an option's name, "not sure yet",
    or None when not answered (or the option is no longer in the content)."""
    if value == "not_sure":
        return content.text("summary.leaning.not_sure")
    if value and value in {o.id for o in content.options}:
        return content.option(value).name
    return None


def preference_name(content: Content, value: str | None) -> str | None:
    """What someone else would prefer, in words: an option, "not sure", "they have not said"."""
    if value in ("not_sure", "not_said"):
        return content.text(f"others.prefer.{value}")
    return leaning_name(content, value)


def others_named(session: Session) -> list[str]:
    """Who else is involved, in the fixed order; "no one" only when no one else is named
    (two windows could each save one of them)."""
    chosen = [p for p in INVOLVED if p in session.others_involved]
    people = [p for p in chosen if p != "no_one"]
    return people or chosen


def others_lines(content: Content, session: Session) -> tuple[tuple[str, str], ...]:
    """(label, answer) lines for the summary: who is involved, what each would prefer,
    and whether he feels pressure. Only what he answered."""
    t = content.text
    named = others_named(session)
    lines: list[tuple[str, str]] = []
    if named:
        lines.append((t("others.who"), "; ".join(t(f"others.who.{p}") for p in named)))
    for person in named:
        if person == "no_one":
            continue
        prefer = preference_name(content, session.others_prefer.get(person))
        if prefer is not None:
            lines.append((t("others.prefer", who=t(f"others.whom.{person}")), prefer))
    if session.pressure is not None:
        lines.append((t("others.pressure"), t(f"others.pressure.{session.pressure}")))
    return tuple(lines)


def _where(content: Content, leaning: str | None, certainty: str | None) -> str:
    """ "Hemgenix, quite sure", or the parts answered, or "not answered"."""
    parts = [leaning_name(content, leaning)]
    parts.append(content.text(f"summary.certainty.{certainty}") if certainty else None)
    shown = [p for p in parts if p]
    return ", ".join(shown) if shown else content.text("summary.leaning.not_answered")


def leaning_change(content: Content, session: Session) -> str | None:
    """ "At the start: Not sure yet, a little sure. Now: Hemgenix, quite sure." or None
    when he gave no answer at the start and none on how sure he is now."""
    if session.start_leaning is None and session.start_certainty is None and session.certainty is None:
        return None
    return content.text(
        "summary.leaning.change",
        start=_where(content, session.start_leaning, session.start_certainty),
        now=_where(content, session.leaning, session.certainty),
    )
