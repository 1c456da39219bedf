"""The least range every score carries (model review M-6): no score is a point.

A score's own `low` and `high` come from its rubric's range rule, which widens for
what is known to be unsure (a small trial, a fading effect, a label section not
read). Read alone, that left well-read scores as points: Hemlibra's fit was "about
76" with no range, as if certain. But a score is a rubric level, and the evidence
behind it could sit anywhere in that level's band. So every score reaches at least
half-way to the next level of its rubric on each side (HALF_STEP), inside the
rubric's own ends; a wider range from the range rule is kept as it is. The rule is
stated in attributes.yaml and in the model card (about.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from decisionaid.domain.content import AttributeScore, Content

HALF_STEP = 0.5
"""How far toward the next rubric level the least range reaches: half a step."""
_EPS = 1e-9

Levels = Mapping[str, Sequence[float]]
"""Attribute id -> its rubric's level scores."""


def rubric_levels(content: Content) -> dict[str, tuple[float, ...]]:
    """Attribute id -> its rubric's level scores, lowest first. An attribute without a
    rubric has no levels to step to and keeps its ranges as given (the loader asks every
    shipped attribute for a rubric)."""
    return {
        a.id: tuple(sorted({level.score for level in a.rubric.levels}))
        for a in content.attributes
        if a.rubric
    }


def least_range(score: float, levels: Sequence[float]) -> tuple[float, float]:
    """(low, high) half-way from `score` to the rubric level below and above it; at the
    rubric's top or bottom level the range reaches only inward."""
    below = max((level for level in levels if level < score - _EPS), default=score)
    above = min((level for level in levels if level > score + _EPS), default=score)
    return (score - HALF_STEP * (score - below), score + HALF_STEP * (above - score))


def score_ends(score: AttributeScore, levels: Sequence[float] | None) -> tuple[float, float, float]:
    """(low, central, high) of one score: its own range, widened to at least the least
    range of its rubric's `levels` (as given when there are none)."""
    if not levels:
        return (score.lowest, score.score, score.highest)
    low, high = least_range(score.score, levels)
    return (min(score.lowest, low), score.score, max(score.highest, high))
