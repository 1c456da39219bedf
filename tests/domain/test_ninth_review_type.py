"""Review R9 of the skipped-type path (R9-1): with no type given, the rules that do not turn
on the type still apply, and his own limits and care-team notes stay on the options that
wait for the type. Undo the fix and these tests fail."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.eligibility import TYPE_UNKNOWN_KEY, rules_against, standing
from decisionaid.domain.fit_summary import fit_view
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary

GENE_THERAPIES = ("roctavian", "hemgenix")
NO_TYPE = (None, "not_sure")
MAN = {"sex": "male", "age_group": "18_to_64", "severity": "severe", "region": "eu"}


@pytest.mark.parametrize("kind", NO_TYPE)
def test_a_man_with_no_type_and_a_past_inhibitor_reads_both_gene_therapies_as_not_for_him(content, kind):
    """R9-1: the labels rule out a past inhibitor for both gene therapies, whatever his type;
    "the fit cannot tell if it is for you" hid that from the man who skipped the type."""
    profile = Profile(**MAN, hemophilia_type=kind, inhibitors="past", current_treatment="factor8-standard")
    _, apart = standing(content, profile)
    by_id = {a.option_id: a for a in apart}
    for option_id in GENE_THERAPIES:
        option = content.option(option_id)
        inhibitor_rules = [r for r in option.not_for if "inhibitors" in r.when]
        assert inhibitor_rules, f"{option_id} has no inhibitor rule to show"
        assert by_id[option_id].standing == "not_for_you"
        assert inhibitor_rules[0].reason in by_id[option_id].reasons
        assert set(inhibitor_rules[0].sources) <= set(by_id[option_id].sources)
        # The same words as with his type given, where the option is shown.
        typed = Profile(**MAN, hemophilia_type=option.applies_to, inhibitors="past")
        assert by_id[option_id].reasons == tuple(
            dict.fromkeys(r.reason for r in rules_against(option, typed))
        )


@pytest.mark.parametrize("kind", NO_TYPE)
def test_an_option_for_one_type_no_rule_rules_out_still_waits_for_the_type(content, kind):
    """The order changed, not the waiting: with no rule against it, a gene therapy still says
    the fit cannot tell, and his own product still waits without doubt cast on it."""
    profile = Profile(**MAN, hemophilia_type=kind, inhibitors="never", current_treatment="factor8-standard")
    scored, apart = standing(content, profile)
    assert scored == []
    by_id = {a.option_id: a for a in apart}
    assert by_id["roctavian"].standing == "type_unknown"
    assert by_id["roctavian"].reasons == (content.text(TYPE_UNKNOWN_KEY, type="A"),)
    assert by_id["factor8-standard"].standing == "type_unknown"


def _no_type_session(**answers: str) -> Session:
    profile = Profile(
        **MAN,
        inhibitors="never",
        liver_problems="yes",
        alcohol="most_days",
        current_treatment="emicizumab",
        **answers,
    )
    importance = {"needles": 4}
    return Session(profile=profile, hard_limits=["cannot_undo", "vein_infusions"], importance=importance)


def _limit(content, limit_id: str) -> str:
    return next(h.statement for h in content.hard_limits if h.id == limit_id)


def _flag(content, flag_id: str) -> str:
    return next(f.title for f in content.flags if f.id == flag_id)


def test_with_no_type_his_hard_limits_stay_on_the_options_that_wait_for_the_type(content):
    """R9-1: "cannot be undone" no longer marked Hemgenix or Roctavian once the type was skipped."""
    view = fit_view(content, _no_type_session())
    assert not view.fits
    by_id = {a.option_id: a for a in view.apart}
    for option_id in GENE_THERAPIES:
        assert by_id[option_id].standing == content.text("summary.apart.type_unknown")
        assert _limit(content, "cannot_undo") in by_id[option_id].limits_crossed
    assert _limit(content, "vein_infusions") in by_id["factor8-standard"].limits_crossed
    # A limit marks only the options it names.
    assert by_id["fitusiran"].limits_crossed == ()
    assert _limit(content, "cannot_undo") not in by_id["factor8-standard"].limits_crossed


def test_with_no_type_the_care_team_notes_stay_on_the_options_that_wait_for_the_type(content):
    """R9-1: the liver note mattered most to the man with past hepatitis; it vanished with the type."""
    view = fit_view(content, _no_type_session())
    by_id = {a.option_id: a for a in view.apart}
    for option_id in GENE_THERAPIES:
        assert _flag(content, "liver_disease") in by_id[option_id].flags
        assert _flag(content, "alcohol_use") in by_id[option_id].flags
    assert _flag(content, "liver_disease") in by_id["fitusiran"].flags
    assert _flag(content, "liver_disease") not in by_id["factor8-standard"].flags


def test_the_marks_and_notes_on_a_type_unknown_option_are_those_it_gets_with_the_type(content):
    """The same limits and notes as once the type is known and it is scored."""
    session = _no_type_session()
    typed = session.model_copy(
        update={"profile": session.profile.model_copy(update={"hemophilia_type": "A"})}
    )
    rated = {a.id: 3 for a in content.attributes}
    typed = typed.model_copy(update={"importance": rated})
    scored = {f.option_id: f for f in fit_view(content, typed).fits}
    apart = {a.option_id: a for a in fit_view(content, session).apart}
    for option_id in ("roctavian", "factor8-standard", "fitusiran"):
        assert apart[option_id].limits_crossed == scored[option_id].limits_crossed
        # The type note is the one note he gets only while the type is not known.
        type_note = _flag(content, "type_unknown")
        assert tuple(f for f in apart[option_id].flags if f != type_note) == scored[option_id].flags


def test_an_option_set_apart_for_a_reason_of_its_own_carries_no_limit_marks(content):
    """As with the type given: an option not for him, or withdrawn, is not weighed at all."""
    view = fit_view(content, _no_type_session(plans_for_children="yes"))
    by_id = {a.option_id: a for a in view.apart}
    assert by_id["beqvez"].limits_crossed == () and by_id["beqvez"].flags == ()


def test_the_printed_summary_keeps_the_marks_on_the_options_that_wait_for_the_type(content):
    summary = build_summary(content, _no_type_session(), dt.date(2026, 12, 1), "test")
    roctavian = next(a for a in summary.apart if a.option_id == "roctavian")
    assert _limit(content, "cannot_undo") in roctavian.limits_crossed
    assert _flag(content, "liver_disease") in roctavian.flags


@pytest.mark.parametrize("kind", NO_TYPE)
@pytest.mark.parametrize(
    ("product", "product_type"), [("factor8-standard", "A"), ("factor9-extended", "B"), ("emicizumab", "A")]
)
def test_with_no_type_his_own_product_for_one_type_names_that_type_but_sets_nothing(
    content, kind, product, product_type
):
    """R9-10: a man on a factor IX product read only that the fit cannot know his type. His
    product's card says which type it is for, so his own line says so; the type stays his to
    give (the product may be named wrong), so nothing is scored from it."""
    from decisionaid.domain.eligibility import TYPE_OF_YOURS_KEY, TYPE_UNKNOWN_YOURS_KEY

    profile = Profile(**MAN, hemophilia_type=kind, inhibitors="never", current_treatment=product)
    scored, apart = standing(content, profile)
    own = next(a for a in apart if a.option_id == product)
    name = content.option(product).name
    assert own.standing == "type_unknown"
    assert own.reasons == (
        content.text(TYPE_UNKNOWN_YOURS_KEY),
        content.text(TYPE_OF_YOURS_KEY, option=name, type=product_type),
    )
    assert scored == []


def test_with_no_type_his_own_product_for_both_types_names_no_type(content):
    from decisionaid.domain.eligibility import TYPE_UNKNOWN_YOURS_KEY

    profile = Profile(**MAN, inhibitors="never", current_treatment="concizumab")
    _, apart = standing(content, profile)
    own = next(a for a in apart if a.option_id == "concizumab")
    assert own.reasons == (content.text(TYPE_UNKNOWN_YOURS_KEY),)
