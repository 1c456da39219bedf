"""The sensitivity audit again, with the bleed scores that rest on a median moved one level
down (review M5-3).

The bleed rubric takes the mean of treated bleeds a year and falls back to the median when
no mean was read. Three factor cards are scored from medians: Elocta (A-LONG), Advate
(its prophylaxis trial) and Alprolix (B-LONG, B-YOND); the cards beside them mostly use
means (Hemlibra 1.4, Hemgenix 1.52). Bleed counts are right-skewed, so a median usually
sits below the mean and these cards are probably a level high against the others. This
table shows what the audit's first places would be if each of them were one level lower
on bleeds, every other score as shipped. It re-scores nothing: the shipped scores stay.

`python -m tests.domain.fit_audit_means` prints the table and the largest shifts for the
model card (about.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from decisionaid.domain.content import Content, Option
from tests.domain.fit_audit import Case, Result, audit, scored_options, table

BLEEDS = "bleed_protection"
MEDIAN_CARDS = ("factor8-extended", "factor8-standard", "factor9-extended")
"""The factor cards whose bleed score is a median (each says "a middle value, not an
average" in its reason; review R7-1). Qfitlia's is a median too, but its own trial's: it
is not a factor card and its range already reaches a level below."""
SHIFT_SHOWN = 0.05
"""A change in an option's share of first places shown in the shift list: 5 points or more."""


def one_level_down(content: Content, score: float) -> float:
    """The bleed rubric's next level below this score (the lowest level stays)."""
    attribute = next(a for a in content.attributes if a.id == BLEEDS)
    assert attribute.rubric is not None
    below = [level.score for level in attribute.rubric.levels if level.score < score - 1e-9]
    return max(below) if below else score


def medians_one_level_down(content: Content, case: Case) -> list[Option]:
    """The options scored for this case, each median card's bleed score one level lower
    (its range widened down to it when needed), as if a mean had been read."""
    found = []
    for option in scored_options(content, case):
        if option.id in MEDIAN_CARDS:
            used = option.attributes[BLEEDS]
            lower = one_level_down(content, used.score)
            moved = used.model_copy(update={"score": lower, "low": min(used.lowest, lower)})
            option = option.model_copy(update={"attributes": {**option.attributes, BLEEDS: moved}})
        found.append(option)
    return found


def affected(results: Sequence[Result]) -> list[Result]:
    """The cases that score at least one median card (the others do not change)."""
    return [r for r in results if any(card in r.first for card in MEDIAN_CARDS)]


def means_audit(content: Content) -> list[Result]:
    """The audit of the cases that score a median card, median cards one level down."""
    return affected(audit(content, options=medians_one_level_down))


def shifts(content: Content, shipped: Sequence[Result], moved: Sequence[Result]) -> str:
    """One line per case: each option whose share of first places moves by 5 points or more,
    as shipped and with the median cards one level down."""
    before = {r.case.label: r for r in shipped}
    lines = []
    for r in moved:
        was = before[r.case.label]
        changes = [
            f"{content.option(o).name} {100 * was.first[o]:.1f} to {100 * share:.1f}"
            for o, share in r.first.items()
            if abs(share - was.first.get(o, 0.0)) >= SHIFT_SHOWN
        ]
        lines.append(f"- {r.case.label}: {'; '.join(changes) or 'no share moves by 5 points'}")
    return "\n".join(lines)


if __name__ == "__main__":
    from decisionaid import locations
    from decisionaid.loader import load_content

    shipped_content = load_content(locations.locale_root("en"))
    moved = means_audit(shipped_content)
    print(table(moved))
    print()
    print(shifts(shipped_content, audit(shipped_content), moved))
