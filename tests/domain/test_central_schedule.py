"""Fifth methods review M5-5: where a label allows several schedules, the central dosing score
is the level of the schedule the label lists first (after any starting doses), written in the
rubric's range rule and applied the same way to every card with several schedules."""

from __future__ import annotations

import pytest

FIRST_LISTED = {
    "emicizumab": 52,  # Hemlibra: weekly, then every 2 or every 4 weeks
    "factor9-extended": 52,  # Alprolix: weekly, or every 10 days
    "fitusiran": 6,  # Qfitlia: every 2 months, or monthly if tests show the need
}
"""Planned doses a year on the schedule each label lists first (ema-hemlibra, ema-alprolix,
fda-qfitlia, as the cards' reasons say)."""


def _level(doses_a_year: int) -> float:
    """The treatment_burden rubric's level for a number of planned doses a year."""
    for most, level in ((13, 0.75), (52, 0.5), (200, 0.25)):
        if doses_a_year <= most:
            return level
    return 0.0


def test_the_range_rule_says_how_the_central_score_is_chosen(content):
    rule = next(a for a in content.attributes if a.id == "treatment_burden").rubric.range_rule
    assert "The score is the level of the schedule the label lists first" in rule


@pytest.mark.parametrize(("option_id", "doses"), FIRST_LISTED.items())
def test_a_card_with_several_schedules_is_scored_on_its_first_listed_one(content, option_id, doses):
    score = content.option(option_id).attributes["treatment_burden"]
    assert score.score == _level(doses)
    assert score.low <= score.score <= score.high
