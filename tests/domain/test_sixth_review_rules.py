"""The sixth clinical review's content rules (R6-9, R6-10, R6-11, R6-14), each as a rule on the shipped
content: remove the rule and its test fails."""

from __future__ import annotations

import pytest

from decisionaid.domain.session import Profile
from decisionaid.domain.tailoring import flag_notes, notes_for_option
from tests.domain.test_fifth_review_rules import ON_DEMAND, apart

# --- R6-9: Alhemo's EU severity rules count a past inhibitor as no inhibitor now ---------


@pytest.mark.parametrize("inhibitors", ["never", "past"])
def test_mild_hemophilia_a_in_the_eu_without_an_inhibitor_now_sees_alhemo_apart(content, inhibitors):
    person = {"hemophilia_type": "A", "severity": "mild", "inhibitors": inhibitors, "region": "eu"}
    standing_, reasons = apart(content, **person)["concizumab"]
    assert standing_ == "not_for_you" and "EU" in reasons[0]


@pytest.mark.parametrize("inhibitors", ["never", "past"])
def test_mild_hemophilia_b_in_the_eu_without_an_inhibitor_now_sees_alhemo_apart(content, inhibitors):
    person = {"hemophilia_type": "B", "severity": "mild", "inhibitors": inhibitors, "region": "eu"}
    assert apart(content, **person)["concizumab"][0] == "not_for_you"


def test_with_an_inhibitor_now_alhemo_stays_open_in_the_eu_whatever_the_severity(content):
    person = {"hemophilia_type": "A", "severity": "mild", "inhibitors": "now", "region": "eu"}
    assert "concizumab" not in apart(content, **person)


# --- R6-10: "factor only when I bleed" with an inhibitor now, and its harms by type -----


@pytest.mark.parametrize("kind", ["A", "B", "not_sure"])
def test_a_person_on_demand_with_an_inhibitor_now_reads_that_it_blocks_factor(content, kind):
    person = Profile(hemophilia_type=kind, severity="severe", inhibitors="now", current_treatment=ON_DEMAND)
    notes = notes_for_option(flag_notes(content, person), ON_DEMAND)
    inhibitor_note = next(n for n in notes if n.flag.id == "inhibitors")
    assert "block" in inhibitor_note.text


def test_with_a_past_inhibitor_the_note_does_not_ask_what_to_use_for_bleeds_now(content):
    person = Profile(hemophilia_type="A", severity="severe", inhibitors="past", current_treatment=ON_DEMAND)
    note = next(n for n in flag_notes(content, person) if n.flag.id == "inhibitors")
    assert "what to use for bleeds now" not in note.text


def test_the_on_demand_harms_name_no_factor_ix_risk_for_a_reader_with_hemophilia_a(content):
    harms = [h.text for h in content.option(ON_DEMAND).harms]
    assert not any("factor IX" in text for text in harms)
    assert any(text.startswith("Blood clots") for text in harms)


# --- R6-11: treating only bleeds is not scored as a one-time treatment -----------------


def test_factor_only_when_you_bleed_is_not_scored_like_a_treatment_given_once(content):
    burden = content.option(ON_DEMAND).attributes["treatment_burden"]
    assert burden.score < 1.0
    assert burden.lowest <= 0.5
    assert "each bleed" in burden.reason


# --- R6-14: the grid's family cell for Hemlibra gives the leaflet's birth control advice --


def test_the_hemlibra_family_cell_asks_for_birth_control_until_6_months_after(content):
    cell = content.text("grid.family.emicizumab")
    assert "birth control" in cell and "6 months after the last shot" in cell
