"""Review R7 of the factor cards' bleed scores (M4-2), each finding a rule on the shipped
content: undo the fix and its test fails."""

from __future__ import annotations

import pytest

MEDIAN_CARDS = {
    "factor8-standard": "Hemlibra",
    "factor8-extended": "Hemlibra",
    "factor9-extended": "Hemgenix",
}


def _bleed_reason(content, option_id: str) -> str:
    return content.option(option_id).attributes["bleed_protection"].reason


@pytest.mark.parametrize(("option_id", "averaged"), MEDIAN_CARDS.items())
def test_a_bleed_score_from_a_middle_value_says_it_can_sit_below_the_average_others_use(
    content, option_id, averaged
):
    """R7-1: the centre is a median; the cards it is set beside use means."""
    reason = _bleed_reason(content, option_id)
    assert "middle value" in reason
    assert "below the average" in reason
    assert f"such as {averaged}, use averages" in reason


@pytest.mark.parametrize("option_id", ["factor8-standard", "factor8-extended", "factor9-extended"])
def test_a_factor_bleed_reason_does_not_rank_products_on_figures_counted_differently(content, option_id):
    """R7-4: "fewer"/"more" set a median against a mean, or spontaneous against all bleeds."""
    reason = _bleed_reason(content, option_id)
    assert " had fewer" not in reason
    assert "had more bleeds" not in reason


def test_the_standard_factor_ix_card_says_it_is_not_scored_like_the_long_acting_card(content):
    """R7-2: its centre is a lead-in of men about to switch; the long-acting card uses its own trial."""
    card = content.option("factor9-standard")
    words = "not scored the same way"
    assert words in _bleed_reason(content, "factor9-standard")
    assert words in card.body.patient


def test_the_alprolix_weekly_figure_does_not_borrow_the_whole_trial_as_its_denominator(content):
    """R7-5: 123 is the whole B-LONG trial, not the weekly group."""
    reason = _bleed_reason(content, "factor9-extended")
    assert "We could not read how many were in that group" in reason


def test_the_model_card_lists_middle_values_among_its_limits(content):
    """R7-1: about.md says which factor scores rest on medians and what that does."""
    limits = content.about.body.patient.split("**Its limits.**")[1].split("## ")[0]
    assert "middle value" in limits
    assert all(name in limits for name in ("Elocta", "Advate", "Alprolix"))
    assert "Medians against means" in (content.about.body.clinician or "")
