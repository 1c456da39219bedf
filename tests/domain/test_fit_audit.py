"""The sensitivity audit on the SHIPPED content (issue 13): the answer comes from the
person's values, not from the structure of the model or the content.

For each type and each current treatment, 40,000 random importance profiles (with a
top three): every option scored comes first in at least MIN_FIRST of them, none in
more than MAX_FIRST, and the close-call notice is on in fewer than MAX_CLOSE.
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from decisionaid.domain.fit import fit
from tests.domain.fit_audit import PROFILES, Result, audit, audit_case, cases, draws, session_for, table
from tests.domain.fit_factories import shipped
from tests.domain.old_model import with_stay_scored

MIN_FIRST = 1 / PROFILES
""""Comes first in some profiles" (the issue's words): at least one profile of the 40,000.
No score was tuned to lift an option: an option that is rarely first on the evidence
(in hemophilia A, since the first-year attribute: fitusiran and concizumab about
0.006% each, concizumab only in ties, as emicizumab is as good or better on every
feature) is named, with why, in the model card in about.md. The old
model's structural bias (five copies of one attribute) put Hemgenix first in 0.1% and
Roctavian in 0%, and "stay with current" first in 97-99% (the test at the end puts that
rule back and sees it fail)."""
MAX_FIRST = 0.70
MAX_CLOSE = 0.5


@cache
def shipped_audit() -> tuple[Result, ...]:
    return tuple(audit(shipped()))


def _report(problems: list[str]) -> str:
    return "\n".join([*problems, "", table(shipped_audit())])


def test_the_audit_covers_each_type_and_each_current_treatment_with_40000_profiles():
    found = cases(shipped())
    assert {c.hemophilia_type for c in found} == {"A", "B"}
    assert all(any(c.current == "other" and c.hemophilia_type == t for c in found) for t in "AB")
    assert len(found) >= 6
    assert PROFILES >= 40000


def test_the_audit_finds_what_fit_finds():
    """The audit runs the engine's steps on a precomputed swing: check them against fit()."""
    content = shipped()
    attribute_ids = [a.id for a in content.attributes]
    rng = random.Random(7)
    for case in cases(content):
        for draw in rng.sample(draws(attribute_ids, 200), 5):
            result = fit(content, session_for(case, draw))
            fits = {f.option_id: f.fit for f in result.fits}
            best = max(fits.values())
            audited = audit_case(content, case, [draw])
            assert {o for o, share in audited.first.items() if share} == {
                o for o, v in fits.items() if v == best
            }
            assert bool(audited.close_call) == result.close_call


def test_every_option_open_to_a_person_comes_first_for_some_importance_profiles():
    problems = [
        f"{r.case.hemophilia_type}, uses {r.case.current}: {option} first in {100 * share:.1f}%"
        for r in shipped_audit()
        for option, share in r.first.items()
        if share < MIN_FIRST
    ]
    assert not problems, _report(problems)


def test_no_option_comes_first_in_more_than_70_percent_of_profiles():
    problems = [
        f"{r.case.hemophilia_type}, uses {r.case.current}: {option} first in {100 * share:.1f}%"
        for r in shipped_audit()
        for option, share in r.first.items()
        if share > MAX_FIRST
    ]
    assert not problems, _report(problems)


def test_the_close_call_notice_is_on_in_fewer_than_half_of_profiles():
    problems = [
        f"{r.case.hemophilia_type}, uses {r.case.current}: close call in {100 * r.close_call:.1f}%"
        for r in shipped_audit()
        if r.close_call >= MAX_CLOSE
    ]
    assert not problems, _report(problems)


@pytest.mark.parametrize("kind", ["A", "B"])
def test_the_audit_fails_a_model_that_scores_stay_with_current_beside_its_product(kind):
    """The old model's worst rule, put back: "stay" comes first far too often."""
    content = shipped()
    drawn = draws([a.id for a in content.attributes], 500)
    on_a_product = [c for c in cases(content) if c.hemophilia_type == kind and c.current != "other"]
    worst = max(audit_case(content, c, drawn, with_stay_scored).first["current"] for c in on_a_product)
    assert worst > MAX_FIRST
