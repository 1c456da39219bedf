"""The fifth clinical review's tailoring findings (R5-1, R5-3, R5-4, R5-11, R5-12, R5-14,
R5-18), each as a rule on the shipped content: remove the rule and its test fails."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from decisionaid.domain.eligibility import current_product, for_type, standing
from decisionaid.domain.figures import rate
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.fit_summary import fit_view
from decisionaid.domain.outcome_view import outcome_view
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.domain.tailoring import flag_notes, notes_for_option
from decisionaid.storage import SessionStore
from tests.journey_people import AMINA


def apart(content, **answers) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Option id -> (standing, reasons) for each option set apart for this person."""
    return {a.option_id: (a.standing, a.reasons) for a in standing(content, Profile(**answers))[1]}


def scored(content, **answers) -> list[str]:
    return [o.id for o in standing(content, Profile(**answers))[0]]


# --- R5-1: "factor only when I bleed" -------------------------------------------------

ON_DEMAND = "factor-on-demand"
AMINA_PROFILE = Profile(**AMINA.profile)


def test_a_person_on_demand_is_scored_on_the_on_demand_card_as_what_she_uses_now(content):
    assert AMINA.profile["current_treatment"] == ON_DEMAND
    options, _, now = fit_options(content, AMINA_PROFILE)
    assert now is not None and now.id == ON_DEMAND
    # Regular factor IX stays a choice of its own, beside staying as she is.
    assert {ON_DEMAND, "factor9-standard", "factor9-extended"} <= {o.id for o in options}


def test_what_she_uses_now_never_reads_the_prophylaxis_numbers(content):
    now = current_product(content, AMINA_PROFILE)
    assert now is not None
    said = [now.how_often, *(s.reason for s in now.attributes.values())]
    for prophylaxis in ("Every 3 to 4 days", "91", "4.2", "2 to 3 times a week"):
        assert not any(prophylaxis in text for text in said), prophylaxis
    assert now.doses_per_year is None  # no schedule to count
    view = outcome_view(content, now)
    assert view is not None
    said = " ".join(line.value for row in view.bleeds for line in row.lines)
    # The on-demand rate (39.86, printed to one decimal), not the prophylaxis one (4.16).
    assert f"{rate(39.86)} a year" in said and rate(4.16) not in said, said


def test_the_on_demand_card_is_shown_only_to_a_person_who_uses_it(content):
    on_prophylaxis = Profile(hemophilia_type="B", current_treatment="factor9-standard")
    assert ON_DEMAND not in {o.id for o in for_type(content, on_prophylaxis)}
    assert ON_DEMAND not in {o.id for o in for_type(content, Profile())}
    assert ON_DEMAND in {o.id for o in for_type(content, AMINA_PROFILE)}


@pytest.mark.parametrize("kind", ["A", "B"])
def test_on_demand_can_be_named_for_either_type(content, kind):
    now = current_product(content, Profile(hemophilia_type=kind, current_treatment=ON_DEMAND))
    assert now is not None and now.id == ON_DEMAND


def test_the_on_demand_card_words_factor_viii_risks_for_hemophilia_a(content):
    a_profile = Profile(hemophilia_type="A", current_treatment=ON_DEMAND)
    a_card = next(o for o in for_type(content, a_profile) if o.id == ON_DEMAND)
    assert "factor VIII" in a_card.attributes["clot_risk"].reason
    b_card = next(o for o in for_type(content, AMINA_PROFILE) if o.id == ON_DEMAND)
    assert "factor IX" in b_card.attributes["clot_risk"].reason


def test_the_summary_names_on_demand_as_what_she_uses_now(content):
    session = Session(profile=AMINA_PROFILE)
    summary = build_summary(content, session, dt.date(2026, 12, 1), "test")
    lines = {line.label: line.value for line in summary.profile}
    assert lines[content.text("profile.q.current_treatment")] == content.option(ON_DEMAND).name


# --- R5-3: under 12 -------------------------------------------------------------------


def test_under_12_qfitlia_is_set_apart_by_its_own_age_rule(content):
    child = {"hemophilia_type": "A", "severity": "severe", "age_group": "under_12"}
    standing_, reasons = apart(content, **child)["fitusiran"]
    assert standing_ == "not_for_you"
    assert any("12" in r for r in reasons)
    assert "fitusiran" in scored(content, **{**child, "age_group": "18_to_64"})


def test_under_12_the_age_note_shows_with_its_own_reason(content):
    notes = [
        n
        for n in flag_notes(content, Profile(hemophilia_type="A", age_group="under_12"))
        if n.flag.id == "under_18"
    ]
    assert len(notes) == 1
    assert notes[0].reason == content.text("flag_reason.under_12")


# --- R5-4: able to become pregnant ----------------------------------------------------


@pytest.mark.parametrize(("option_id", "kind"), [("hemgenix", "B"), ("roctavian", "A")])
def test_a_woman_who_could_become_pregnant_sees_gene_therapy_apart_without_plans(content, option_id, kind):
    woman = {"hemophilia_type": kind, "severity": "severe", "sex": "female", "plans_for_children": "no"}
    assert apart(content, **woman, pregnancy_possible="yes")[option_id][0] == "not_for_you"
    assert option_id in scored(content, **woman, pregnancy_possible="no")


def test_a_woman_not_sure_if_she_could_become_pregnant_keeps_it_scored_and_reads_the_note(content):
    woman = {"hemophilia_type": "B", "severity": "severe", "sex": "female", "pregnancy_possible": "not_sure"}
    assert "hemgenix" in scored(content, **woman)
    note = next(
        n for n in notes_for_option(flag_notes(content, Profile(**woman)), "hemgenix") if n.flag.id == "women"
    )
    assert note.reason == content.text("flag_reason.pregnancy_possible.not_sure")


def test_the_pregnancy_question_is_asked_and_printed_only_for_a_woman(content):
    from decisionaid.domain.ui_keys import is_asked

    assert is_asked("pregnancy_possible", Profile(sex="female"))
    assert not is_asked("pregnancy_possible", Profile(sex="male"))
    assert not is_asked("pregnancy_possible", Profile())
    question = content.text("profile.q.pregnancy_possible")
    for sex, printed in (("female", True), ("male", False)):
        session = Session(profile=Profile(hemophilia_type="B", sex=sex, pregnancy_possible="no"))
        summary = build_summary(content, session, dt.date(2026, 12, 1), "test")
        assert (question in {line.label for line in summary.profile}) is printed


def test_a_session_saved_before_the_pregnancy_question_loads_and_the_answer_saves_back(tmp_path):
    store = SessionStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    old = {
        "schema_version": 3,
        "profile": {"hemophilia_type": "B", "sex": "female", "current_treatment": "factor9-standard"},
    }
    store.path.write_text(json.dumps(old))
    loaded = store.load()
    assert loaded.problem is None and loaded.session.profile.pregnancy_possible is None
    session = Session(profile=Profile(sex="female", pregnancy_possible="yes", current_treatment=ON_DEMAND))
    store.save(session)
    assert store.load().session == session


# --- R5-11: Hemlibra's EU licence -------------------------------------------------------


def test_mild_hemophilia_a_without_inhibitors_in_the_eu_sees_hemlibra_apart(content):
    mild = {"hemophilia_type": "A", "severity": "mild", "inhibitors": "never"}
    standing_, reasons = apart(content, **mild, region="eu")["emicizumab"]
    assert standing_ == "not_for_you" and "EU" in reasons[0]
    assert "emicizumab" in scored(content, **mild, region="us")
    assert "emicizumab" in scored(content, **{**mild, "inhibitors": "now"}, region="eu")
    # Someone on it now keeps it: staying is his choice with his team.
    assert "emicizumab" in scored(content, **mild, region="eu", current_treatment="emicizumab")


# --- R5-12: not sure of the type --------------------------------------------------------


def test_not_sure_of_the_type_no_option_is_scored_and_the_fit_says_why(content):
    sam = Profile(hemophilia_type="not_sure", age_group="18_to_64", sex="male")
    options, set_apart = standing(content, sam)
    assert options == []
    # The options for both types, and factor, are apart for the same reason.
    standings = {a.option_id: a.standing for a in set_apart}
    for option_id in ("concizumab", "marstacimab", "fitusiran", "factor8-standard", "factor9-standard"):
        assert standings[option_id] == "type_unknown"
    view = fit_view(content, Session(profile=sam, importance={a.id: 3 for a in content.attributes}))
    assert view.notes == (content.text("summary.fit.type_unknown"),)


# --- R5-14: Alhemo with an inhibitor now ------------------------------------------------


def alhemo(content, **answers):
    return next(o for o in for_type(content, Profile(**answers)) if o.id == "concizumab")


def test_with_an_inhibitor_now_alhemos_bleed_score_is_from_its_inhibitor_trial(content):
    omar = alhemo(content, hemophilia_type="A", inhibitors="now")
    score = omar.attributes["bleed_protection"]
    assert "without inhibitors" not in score.reason
    assert "1.7" in score.reason and score.source == "explorer7-2023"
    assert score.score == 0.75
    # The fit reads the same score.
    options, _, _ = fit_options(
        content, Profile(hemophilia_type="A", inhibitors="now", current_treatment="emicizumab")
    )
    assert next(o for o in options if o.id == "concizumab").attributes["bleed_protection"] == score


@pytest.mark.parametrize("inhibitors", ["never", "past", "not_sure", None])
def test_without_an_inhibitor_now_alhemo_keeps_its_general_bleed_score(content, inhibitors):
    score = alhemo(content, hemophilia_type="A", inhibitors=inhibitors).attributes["bleed_protection"]
    assert score == content.option("concizumab").attributes["bleed_protection"]


# --- R5-18: the product in use ----------------------------------------------------------


def test_no_where_you_live_doubt_on_the_product_he_uses_now(content):
    george = Profile(
        hemophilia_type="A", severity="severe", region="uk", current_treatment="factor8-standard"
    )
    regional = [n for n in flag_notes(content, george) if n.flag.id == "where_you_live"]
    touched = {i for n in regional for i in n.option_ids}
    assert "factor8-standard" not in touched
    assert "emicizumab" in touched  # the other options keep their line
    elsewhere = Profile(hemophilia_type="A", region="other", current_treatment="factor8-standard")
    touched = {
        i for n in flag_notes(content, elsewhere) if n.flag.id == "where_you_live" for i in n.option_ids
    }
    assert "factor8-standard" not in touched and "emicizumab" in touched


def test_a_woman_who_skipped_could_you_become_pregnant_reads_not_answered_in_her_summary(content):
    # Review R6-12: the answer that decides the gene-therapy rule vanished when skipped.
    import datetime as dt

    from decisionaid.domain.session import Session
    from decisionaid.domain.summary import build_summary

    woman = Profile(hemophilia_type="B", sex="female")
    today = dt.date(2026, 12, 1)
    lines = {
        line.label: line.value for line in build_summary(content, Session(profile=woman), today, "t").profile
    }
    assert lines[content.text("profile.q.pregnancy_possible")] == content.text("summary.not_answered")
    man = Profile(hemophilia_type="B", sex="male")
    lines = {line.label for line in build_summary(content, Session(profile=man), today, "t").profile}
    assert content.text("profile.q.pregnancy_possible") not in lines
