"""The sixth clinical review's content rules (R6-9, R6-10), each as a rule on the shipped
content: remove the rule and its test fails."""

from __future__ import annotations

import pytest

from decisionaid.domain.eligibility import standing
from decisionaid.domain.session import Profile


@pytest.fixture(scope="module")
def content():
    from decisionaid import locations
    from decisionaid.loader import load_content

    return load_content(locations.locale_root("en"))


def apart(content, **answers) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Option id -> (standing, reasons) for each option set apart for this person."""
    return {a.option_id: (a.standing, a.reasons) for a in standing(content, Profile(**answers))[1]}


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
