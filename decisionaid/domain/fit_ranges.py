"""The least range of a score read from evidence (model reviews M-6 and M2-1).

A score's own `low` and `high` come from its rubric's range rule, which widens for
what is known to be unsure (a small trial, a fading effect, a label section not
read). Read alone, that left well-read estimates as points: Hemlibra's bleed rate
was shown as if certain. So a score read from evidence (a bleed rate, a share with a
side effect, a factor level) reaches at least LEAST_WIDTH either side, inside 0..1:
its confidence interval was not read, and this floor stands in for it.

A fact is not widened. A rubric marked `firm` (a date, a label schedule, whether a
treatment can be stopped) and a level marked `firm` ("makes no factor") are kept as
given: widening them made the grid call "cannot be undone" mixed (model review M2-1).
The floor is in score units, not a share of a rubric step, so a two-level rubric
does not get half the scale. The rule is stated in attributes.yaml and about.md."""

from __future__ import annotations

from collections.abc import Mapping

from decisionaid.domain.content import AttributeScore, Content, Rubric

LEAST_WIDTH = 0.1
"""How far a score read from evidence reaches each side at least, in score units: under
half of the 0.25 step between two rubric levels, so the floor never spans a level."""

Rubrics = Mapping[str, Rubric]
"""Attribute id -> its rubric."""


def rubrics(content: Content) -> dict[str, Rubric]:
    """Attribute id -> its rubric. An attribute without one keeps its ranges as given (the
    loader asks every shipped attribute for a rubric)."""
    return {a.id: a.rubric for a in content.attributes if a.rubric}


def score_ends(score: AttributeScore, rubric: Rubric | None) -> tuple[float, float, float]:
    """(low, central, high) of one score: its own range, widened to at least LEAST_WIDTH
    either side (inside 0..1) unless its rubric says it is a fact, or it has no rubric."""
    if rubric is None or rubric.is_firm(score.score):
        return (score.lowest, score.score, score.highest)
    low = max(0.0, score.score - LEAST_WIDTH)
    high = min(1.0, score.score + LEAST_WIDTH)
    return (min(score.lowest, low), score.score, max(score.highest, high))
