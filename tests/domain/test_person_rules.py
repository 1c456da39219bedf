"""Issue 14: each answer on "About you" changes what the person sees where the labels say so.

One test per rule, each on the shipped content: remove the rule (the flag, the variant,
the licence line, the `not_for`, or the code that raises it) and its test fails.
"""

from __future__ import annotations

import pytest

from decisionaid.domain.content import Licence
from decisionaid.domain.eligibility import standing
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import suggested_questions
from decisionaid.domain.tailoring import flag_notes, notes_for_option


def notes(content, **answers) -> dict[str, list]:
    """Flag id -> the notes of that flag this person sees."""
    found: dict[str, list] = {}
    for note in flag_notes(content, Profile(**answers)):
        found.setdefault(note.flag.id, []).append(note)
    return found


def note_on(content, option_id: str, flag_id: str, **answers):
    """The note of one flag on one option's card, or None."""
    on_card = notes_for_option(flag_notes(content, Profile(**answers)), option_id)
    return next((n for n in on_card if n.flag.id == flag_id), None)


def apart(content, **answers) -> dict[str, str]:
    """Option id -> why it is set apart (not scored) for this person."""
    _, set_apart = standing(content, Profile(**answers))
    return {a.option_id: a.standing for a in set_apart}


# --- sex ------------------------------------------------------------------


def test_a_woman_reads_that_gene_therapy_is_not_advised_if_she_could_get_pregnant(content):
    note = note_on(content, "hemgenix", "women", hemophilia_type="B", sex="female")
    assert note is not None
    assert "not advised for women who could get pregnant" in note.text
    assert "no data on its use in women" in note.text
    assert note.reason == content.text("flag_reason.sex.female")


@pytest.mark.parametrize(("option_id", "kind"), [("hemgenix", "B"), ("roctavian", "A")])
def test_a_woman_who_plans_a_pregnancy_sees_gene_therapy_apart_with_the_label_line(content, option_id, kind):
    """Review R4-4: the labels do not advise it for women who could get pregnant."""
    woman = {"hemophilia_type": kind, "severity": "severe", "sex": "female"}
    assert apart(content, **woman, plans_for_children="yes").get(option_id) == "not_for_you"
    _, set_apart = standing(content, Profile(**woman, plans_for_children="yes"))
    why = next(a for a in set_apart if a.option_id == option_id)
    assert any("women who could get pregnant" in r for r in why.reasons)
    # Not a contraindication: other women, and men planning a family, stay scored.
    assert option_id not in apart(content, **woman, plans_for_children="no")
    assert option_id not in apart(content, **{**woman, "sex": "male"}, plans_for_children="yes")


@pytest.mark.parametrize("option_id", ["hemgenix", "roctavian"])
def test_the_first_year_of_gene_therapy_is_worded_true_for_a_woman_too(content, option_id):
    reason = content.option(option_id).attributes["first_year"].reason
    assert "You and any female partner" not in reason
    assert "treated man and any female partner" in reason and "women who could get pregnant" in reason


def test_the_knowledge_check_does_not_tell_a_woman_that_she_and_a_partner_wait(content):
    for item in content.knowledge:
        assert "you and a partner" not in item.explanation, item.id


def test_a_man_sees_no_note_for_women(content):
    assert "women" not in notes(content, hemophilia_type="B", sex="male")


def test_a_woman_planning_a_family_reads_about_her_own_pregnancy_not_a_mans(content):
    woman = note_on(
        content, "hemgenix", "plans_for_children", hemophilia_type="B", sex="female", plans_for_children="yes"
    )
    man = note_on(
        content, "hemgenix", "plans_for_children", hemophilia_type="B", sex="male", plans_for_children="yes"
    )
    assert "a man passes on" in man.text and "a man passes on" not in woman.text
    assert "female partner" not in woman.text
    assert "pregnancy and birth" in woman.text and "genetic counsellor" in woman.text
    assert woman.question != man.question
    assert "Hemlibra" not in woman.text  # her type's medicines only (Hemlibra is for A)


# --- type not sure -----------------------------------------------------------


def test_a_person_not_sure_of_the_type_is_told_how_to_find_out(content):
    found = notes(content, hemophilia_type="not_sure")
    assert "type_unknown" in found
    assert "blood test" in found["type_unknown"][0].text
    assert {"roctavian", "hemgenix", "emicizumab"} <= set(found["type_unknown"][0].option_ids)
    assert "type_unknown" not in notes(content, hemophilia_type="A")


def test_the_summary_says_the_type_is_not_known(content):
    from decisionaid.domain.summary import _profile_lines

    lines = {line.label: line.value for line in _profile_lines(content, Profile(hemophilia_type="not_sure"))}
    assert lines[content.text("profile.q.hemophilia_type")] == content.text("summary.type_not_known")
    assert "not known" in content.text("summary.type_not_known")


# --- severity ----------------------------------------------------------------


def test_mild_hemophilia_a_reads_about_desmopressin_and_factor_when_needed(content):
    found = notes(content, hemophilia_type="A", severity="mild")
    assert "mild" in found
    assert "desmopressin" in found["mild"][0].text and "only when needed" in found["mild"][0].text
    assert "mild" not in notes(content, hemophilia_type="A", severity="severe")


def test_moderate_hemophilia_b_reads_what_moderately_severe_means_for_hemgenix(content):
    note = note_on(content, "hemgenix", "moderate", hemophilia_type="B", severity="moderate")
    assert note is not None and "1 to 2%" in note.text and "Hemgenix" in note.text
    assert note_on(content, "hemgenix", "moderate", hemophilia_type="B", severity="severe") is None


def test_roctavian_is_set_apart_for_moderate_hemophilia_a(content):
    assert apart(content, hemophilia_type="A", severity="moderate").get("roctavian") == "not_for_you"
    assert "roctavian" not in apart(content, hemophilia_type="A", severity="severe")


def test_hympavzi_is_set_apart_for_moderate_hemophilia_in_the_eu_and_uk_only(content):
    for region in ("eu", "uk"):
        assert apart(content, hemophilia_type="B", severity="moderate", region=region).get("marstacimab")
    assert "marstacimab" not in apart(content, hemophilia_type="B", severity="moderate", region="us")
    assert "marstacimab" not in apart(content, hemophilia_type="B", severity="severe", region="eu")


def test_alhemo_without_inhibitors_is_set_apart_for_moderate_hemophilia_a_in_the_eu(content):
    answers = {"hemophilia_type": "A", "severity": "moderate", "inhibitors": "never"}
    assert apart(content, **answers, region="eu").get("concizumab") == "not_for_you"
    assert "concizumab" not in apart(content, **answers, region="us")
    assert "concizumab" not in apart(content, **{**answers, "inhibitors": "now"}, region="eu")


# --- inhibitors ----------------------------------------------------------------


def test_past_inhibitors_set_gene_therapy_apart_but_not_factor(content):
    set_apart = apart(content, hemophilia_type="B", inhibitors="past")
    assert set_apart.get("hemgenix") == "not_for_you"
    assert "factor9-standard" not in set_apart
    assert apart(content, hemophilia_type="B", inhibitors="now").get("factor9-standard") == "not_for_you"


@pytest.mark.parametrize("region", [None, "not_sure", "eu", "us"])
def test_hympavzi_is_set_apart_with_an_inhibitor_now_wherever_he_lives(content, region):
    """Review R4-5: every label we read is for people without inhibitors, and its trial
    had none; the June 2026 US label could not be read, so no region makes it fit."""
    answers = {"hemophilia_type": "A", "inhibitors": "now", "current_treatment": "emicizumab"}
    scored, set_apart = standing(content, Profile(**answers, region=region))
    assert "marstacimab" not in [o.id for o in scored]
    why = next(a for a in set_apart if a.option_id == "marstacimab")
    assert why.standing == "not_for_you"
    assert any("without inhibitors" in r and "ask your team" in r.lower() for r in why.reasons)
    assert "marstacimab" not in apart(content, hemophilia_type="A", inhibitors="never", region=region)


def test_the_inhibitor_licence_reasons_speak_of_people_not_men(content):
    for option in content.options:
        for rule in option.not_for:
            assert " men " not in f" {rule.reason} ", (option.id, rule.reason)


# --- age -----------------------------------------------------------------------


@pytest.mark.parametrize("age", ["under_12", "under_18"])
def test_under_18_no_gene_therapy_is_scored(content, age):
    set_apart = apart(content, hemophilia_type="B", age_group=age)
    assert set_apart.get("hemgenix") == "not_for_you"


def test_under_12_the_medicines_licensed_from_12_are_set_apart(content):
    young = apart(content, hemophilia_type="A", age_group="under_12")
    assert young.get("marstacimab") == "not_for_you" and young.get("concizumab") == "not_for_you"
    teen = apart(content, hemophilia_type="A", age_group="under_18", severity="severe")
    assert "marstacimab" not in teen and "concizumab" not in teen
    assert "emicizumab" not in young  # Hemlibra and factor are for any age


# --- HIV, hepatitis, liver, alcohol ------------------------------------------------


def test_hiv_says_how_few_men_with_hiv_were_in_the_roctavian_trial(content):
    """Review R4-16: an evidence gap he cannot weigh unless he is told."""
    note = note_on(content, "roctavian", "hiv", hemophilia_type="A", hiv="yes")
    assert "2 of the 134 men" in note.text and "R38b" in note.flag.sources + list(
        note.flag.variants[0].sources
    )


def test_a_region_without_a_licence_line_is_not_read_as_unlicensed(content):
    """Review R4-10: a UK man on factor VIII should not doubt that his own treatment is licensed."""
    assert "does not mean it is not licensed" in content.text("region.unknown", region="UK", option="X")


def test_hiv_shows_the_roctavian_note_on_hiv_medicines(content):
    note = note_on(content, "roctavian", "hiv", hemophilia_type="A", hiv="yes")
    assert note is not None and "HIV drugs" in note.text and "Roctavian" in note.text
    assert note_on(content, "roctavian", "hiv", hemophilia_type="A", hiv="no") is None


def test_hepatitis_b_now_or_past_shows_that_steroids_can_wake_it(content):
    for answer in ("now", "past"):
        note = note_on(content, "hemgenix", "hepatitis_b", hemophilia_type="B", hepatitis_b=answer)
        assert note is not None and "Steroids" in note.text and "wake up hepatitis B" in note.text
    assert note_on(content, "hemgenix", "hepatitis_b", hemophilia_type="B", hepatitis_b="never") is None


def test_hepatitis_c_cured_shows_liver_scarring_and_the_hemgenix_liver_cancer_checks(content):
    note = note_on(content, "hemgenix", "hepatitis_c", hemophilia_type="B", hepatitis_c="past_cured")
    assert note is not None and "liver cancer" in note.text and "every year" in note.text
    assert "cirrhosis" in note.text
    now = note_on(content, "hemgenix", "hepatitis_c", hemophilia_type="B", hepatitis_c="now")
    assert now.question != note.question and "now" in now.question


def test_liver_disease_and_alcohol_keep_their_notes(content):
    found = notes(content, hemophilia_type="A", liver_problems="yes", alcohol="most_days")
    assert "liver_disease" in found and "alcohol_use" in found


# --- heart and vessel risk --------------------------------------------------------


@pytest.mark.parametrize("option_id", ["fitusiran", "concizumab", "marstacimab", "emicizumab", "roctavian"])
def test_heart_and_vessel_risks_show_a_clot_note_on_the_options_that_raise_clots(content, option_id):
    note = note_on(content, option_id, "clot_risk", hemophilia_type="A", heart_risk="yes")
    assert note is not None and "clot" in note.text
    assert note_on(content, option_id, "clot_risk", hemophilia_type="A", heart_risk="no") is None


def test_65_or_older_shows_the_clot_note_even_without_a_heart_risk_answer(content):
    """Review R4-11: the Hemgenix label names age over 50 among the clot risks."""
    note = note_on(content, "hemgenix", "clot_risk", hemophilia_type="B", age_group="65_plus")
    assert note is not None and "age over 50" in note.text
    assert note.reason == content.text("flag_reason.age_65_plus")
    assert note_on(content, "hemgenix", "clot_risk", hemophilia_type="B", age_group="18_to_64") is None


def test_the_hemgenix_clot_note_names_the_risks_its_label_names(content):
    note = note_on(content, "hemgenix", "clot_risk", hemophilia_type="B", heart_risk="yes")
    assert (
        "over 50" in note.text
        and "high blood pressure" in note.text
        and "above the normal range" in note.text
    )


def test_the_emicizumab_clot_note_is_about_apcc(content):
    note = note_on(content, "emicizumab", "clot_risk", hemophilia_type="A", heart_risk="yes")
    assert "aPCC" in note.text


# --- where you live ------------------------------------------------------------------


def test_a_uk_resident_sees_each_options_line_for_the_uk(content):
    hemgenix = note_on(content, "hemgenix", "where_you_live", hemophilia_type="B", region="uk")
    assert hemgenix.text.startswith("United Kingdom: licensed")
    fitusiran = note_on(content, "fitusiran", "where_you_live", hemophilia_type="B", region="uk")
    assert fitusiran.text.startswith("United Kingdom: this aid does not hold a licence line for Qfitlia")
    assert "Check with your team" in fitusiran.text
    assert hemgenix.reason == content.text("flag_reason.region", region="United Kingdom")


def test_every_option_on_the_market_gets_a_line_for_the_region_and_the_question_comes_once(content):
    profile = Profile(hemophilia_type="A", region="eu")
    shown = [n for n in flag_notes(content, profile) if n.flag.id == "where_you_live"]
    ids = [n.option_ids[0] for n in shown]
    assert "roctavian" in ids and "emicizumab" in ids and "current" not in ids
    questions = [q.id for q in suggested_questions(content, Session(profile=profile))]
    assert questions.count("flag:where_you_live") == 1


def test_a_person_elsewhere_is_told_to_check_and_beqvez_stays_withdrawn(content):
    found = notes(content, hemophilia_type="B", region="other")
    assert "check with your team" in found["where_you_live"][0].text.lower()
    assert "beqvez" not in found["where_you_live"][0].option_ids
    assert apart(content, hemophilia_type="B", region="us").get("beqvez") == "withdrawn"


def test_an_option_not_licensed_where_the_person_lives_is_set_apart_with_its_line(content):
    fitusiran = content.option("fitusiran")
    line = Licence(
        region="eu", status="not_licensed", text="European Union: not licensed.", sources=["fda-qfitlia"]
    )
    options = [
        o if o.id != "fitusiran" else fitusiran.model_copy(update={"licences": [line]})
        for o in content.options
    ]
    changed = content.model_copy(update={"options": options})
    assert apart(changed, hemophilia_type="A", region="eu").get("fitusiran") == "not_licensed"
    assert "fitusiran" not in apart(changed, hemophilia_type="A", region="us")


# --- planning a family ----------------------------------------------------------------


def test_a_man_planning_a_family_reads_the_waits_the_donation_ban_and_that_daughters_still_carry(content):
    note = note_on(content, "roctavian", "plans_for_children", hemophilia_type="A", plans_for_children="yes")
    assert "6 months" in note.text and "never give blood" in note.text
    assert "daughters will still carry it" in note.text and "genetic counsellor" in note.text


# --- "prefer not to say" and "not sure" -------------------------------------------------


def test_prefer_not_to_say_raises_no_note_and_rules_nothing_out(content):
    quiet = {
        field: "prefer_not_to_say"
        for field in ("sex", "region", "hiv", "hepatitis_b", "hepatitis_c", "heart_risk", "alcohol")
    }
    found = notes(content, hemophilia_type="B", **quiet)
    assert set(found) == {"withdrawn"}
    assert apart(content, hemophilia_type="B", **quiet) == apart(content, hemophilia_type="B")
