"""Review R9 of the skipped-type path (R9-1): with no type given, the rules that do not turn
on the type still apply, and his own limits and care-team notes stay on the options that
wait for the type. Undo the fix and these tests fail."""

from __future__ import annotations

import pytest

from decisionaid.domain.eligibility import TYPE_UNKNOWN_KEY, rules_against, standing
from decisionaid.domain.session import Profile

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
