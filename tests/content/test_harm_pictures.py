"""IPDAS C1 and QI7, fourth methods review M4-3, sixth methods review M6-1: every option card
pictures its main harm as 100 people where a count of it could be read and someone in the trial
had it, with a denominator and a time frame, linked from a harm row of its outcome table.

A harm no one in a trial had is said in words ("None of 66 people"), with the upper limit the
trial cannot rule out (the rule of three), never drawn as 100 unharmed people (M6-1). Alhemo's
and Qfitlia's main harms have no count we could read. The list of cards without a picture must
be exactly these, so a new gap, or a new picture, changes this test."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from decisionaid.domain.content import IconArray
from decisionaid.domain.harm_pictures import harm_pictures
from decisionaid.domain.outcome_view import outcome_views

NOT_READ = {"concizumab", "fitusiran"}
"""Alhemo and Qfitlia: no count of a main harm with its denominator could be read."""
NO_ONE_HAD_IT = {
    "marstacimab",
    "factor8-standard",
    "factor8-extended",
    "factor9-standard",
    "factor9-extended",
}
"""Cards whose counted main harm no one in the trial had: said in words with its limit."""

RULE_OF_THREE = re.compile(r"rule of three, 3 divided by (\d+)")


def _pictured(content, option_id: str) -> list[str]:
    """The pictures the harm rows of this option link to."""
    table = content.outcomes_for(option_id)
    return [h.icon_array for h in table.harms if h.icon_array] if table else []


def test_every_card_with_an_outcome_table_pictures_a_main_harm_but_the_documented_ones(content):
    tables = {t.option for t in content.outcomes}
    without = {option for option in tables if not _pictured(content, option)}
    assert without == NOT_READ | NO_ONE_HAD_IT


def test_the_two_cards_without_a_count_still_say_their_main_harm_was_not_reported(content):
    for option in NOT_READ:
        assert any(h.not_reported for h in content.outcomes_for(option).harms), option


def test_a_harm_no_one_had_is_given_in_words_with_the_rule_of_three_limit_for_its_own_count(content):
    for option in NO_ONE_HAD_IT:
        zero = [h for h in content.outcomes_for(option).harms if h.count == 0]
        assert zero, option
        for harm in zero:
            assert harm.icon_array is None, option
            found = RULE_OF_THREE.search(harm.note or "")
            assert found and int(found.group(1)) == harm.people, (option, harm.harm)


def test_a_picture_with_an_empty_group_is_refused():
    """M6-1: 100 people with no one harmed reads as "no risk" beside a harm that was counted."""
    fields = dict(id="x", option="y", title="t", denominator="d", time_frame="t", sources=["s"])
    with pytest.raises(ValidationError, match="reads as no risk"):
        IconArray(**fields, groups=[{"count": 0, "label": "had it"}, {"count": 100, "label": "did not"}])
    IconArray(**fields, groups=[{"count": 1, "label": "had it"}, {"count": 99, "label": "did not"}])


def test_the_gene_therapy_pictures_say_they_count_serious_problems_from_any_cause(content):
    """M6-1: "had a serious side effect" implied the treatment caused every one."""
    arrays = {a.id: a for a in content.figures.icon_arrays}
    for picture in ("gene-therapy-b-serious", "gene-therapy-a-serious"):
        array = arrays[picture]
        assert "from any cause" in array.title and "from any cause" in array.groups[0].label
        assert "not all were caused by the treatment" in array.note


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
