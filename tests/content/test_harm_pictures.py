"""IPDAS C1 and QI7, fourth methods review M4-3: every option card pictures its main harm as
100 people, with a denominator and a time frame, linked from a harm row of its outcome table.

Two cards have no picture because no count with its denominator could be read from a source
the rules allow (review-response-harmpics lists what was tried); the list of cards without one
must be exactly that documented list, so a new gap, or a new picture, changes this test."""

from __future__ import annotations

import re

from decisionaid.domain.figures import icon_arrays_for
from decisionaid.domain.harm_pictures import harm_pictures
from decisionaid.domain.outcome_view import outcome_views

WITHOUT_A_PICTURE = {"concizumab", "fitusiran"}
"""Alhemo and Qfitlia: no count of a main harm with its denominator could be read."""

RULE_OF_THREE = re.compile(r"rule of three: 3 divided by (\d+)")


def _pictured(content, option_id: str) -> list[str]:
    """The pictures the harm rows of this option link to."""
    table = content.outcomes_for(option_id)
    return [h.icon_array for h in table.harms if h.icon_array] if table else []


def test_every_card_with_an_outcome_table_pictures_a_main_harm_but_the_two_documented_ones(content):
    tables = {t.option for t in content.outcomes}
    without = {option for option in tables if not _pictured(content, option)}
    assert without == WITHOUT_A_PICTURE


def test_the_two_cards_without_a_picture_still_say_their_main_harm_was_not_reported(content):
    for option in WITHOUT_A_PICTURE:
        assert any(h.not_reported for h in content.outcomes_for(option).harms), option


def test_each_new_picture_has_a_denominator_a_time_frame_and_a_read_trial_source(content):
    arrays = {a.id: a for a in content.figures.icon_arrays}
    for option in ("factor8-standard", "factor8-extended", "factor9-standard", "factor-on-demand"):
        for picture in _pictured(content, option):
            array = arrays[picture]
            assert array.option == option
            assert array.denominator.strip() and array.time_frame.strip(), picture
            kinds = {content.sources[s].kind for s in array.sources}
            assert "trial" in kinds, picture
            assert all(content.sources[s].read for s in array.sources), picture


def test_a_picture_of_no_events_gives_the_rule_of_three_bound_for_its_own_denominator(content):
    """A note of "none in N" gives the rule-of-three bound 3 / N, with N the denominator's."""
    for array in content.figures.icon_arrays:
        if array.groups[0].count != 0:
            continue
        found = RULE_OF_THREE.search(array.note or "")
        assert found, array.id
        assert f"None of the {found.group(1)} " in array.denominator, array.id


def test_the_factor_pictures_of_people_already_treated_are_not_shown_to_a_man_with_an_inhibitor(content):
    for option in ("factor8-standard", "factor8-extended", "factor9-standard"):
        assert icon_arrays_for(content, option, "none")
        assert not icon_arrays_for(content, option, "now"), option


def test_the_on_demand_picture_says_who_was_studied_and_that_the_report_gave_shares(content):
    """The card's reader may be an adult or have hemophilia B; the Joint Outcome Study was in
    young boys with severe hemophilia A, and its abstract gives shares, not counts."""
    arrays = {a.id: a for a in content.figures.icon_arrays}
    on_demand, prevention = arrays["on-demand-joint-damage"], arrays["prevention-joint-damage"]
    for array in (on_demand, prevention):
        assert re.search(r"[Yy]oung boys with severe hemophilia A\b", array.denominator), array.id
        assert "a share, not a count" in array.denominator
        assert "age 6" in array.time_frame
    assert "33 were picked by chance" in on_demand.denominator
    assert "32 were picked by chance" in prevention.denominator
    assert "Only young boys with severe hemophilia A were studied" in on_demand.note
    assert [g.count for g in on_demand.groups] == [45, 55]
    assert [g.count for g in prevention.groups] == [7, 93]


def test_the_printed_summary_draws_both_joint_pictures_for_someone_who_treats_bleeds_only(content):
    views = outcome_views(content, [content.option("factor-on-demand")])
    drawn = [p.view.id for p in harm_pictures(content, views)]
    assert drawn == ["on-demand-joint-damage", "prevention-joint-damage"]
