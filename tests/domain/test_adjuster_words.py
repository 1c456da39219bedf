"""The fit screen's adjuster is for seeing what the answers do, not for tuning them until a
favoured option rises (review M5-8, after M4-12; Witteman 2021: a fit built to match a
leaning undoes values clarification)."""

from __future__ import annotations

from tests.domain.fit_factories import shipped


def test_the_adjuster_says_to_use_it_to_see_what_the_answers_do_not_to_make_one_option_rise():
    intro = shipped().text("fit.adjust_intro")
    assert "not to make one option come out ahead" in intro


def test_the_adjusters_title_does_not_invite_moving_the_fit():
    title = shipped().text("fit.adjust_title")
    assert "see the fit move" not in title.lower()
