"""Review M4-13 (M3-19): the needles of a treatment a person already uses count the year
ahead on it, not the start-up tests he has had (`while_used` on the needles score)."""

from __future__ import annotations

import pytest

from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.session import Profile

NEEDLES = "needles"


def _needles(content, kind: str, uses: str, option_id: str):
    options, _, _ = fit_options(
        content, Profile(hemophilia_type=kind, severity="severe", current_treatment=uses)
    )
    return next(o for o in options if o.id == option_id).attributes[NEEDLES]


@pytest.mark.parametrize(
    ("kind", "product"), [("A", "fitusiran"), ("B", "fitusiran"), ("B", "hemgenix"), ("A", "roctavian")]
)
def test_a_person_who_uses_it_now_is_not_charged_its_start_up_tests(content, kind, product):
    stay = _needles(content, kind, product, product)
    start = content.option(product).attributes[NEEDLES]
    assert stay.highest == 1.0 > start.highest
    assert stay.score >= start.score and stay.lowest >= start.lowest
    assert "you use it now" in stay.reason.lower()


def test_hemgenix_once_given_asks_a_few_tests_a_year_from_its_second_year(content):
    stay = _needles(content, "B", "hemgenix", "hemgenix")
    assert stay.score == 1.0
    assert "every 6 months" in stay.reason


@pytest.mark.parametrize(("kind", "product"), [("A", "fitusiran"), ("B", "hemgenix"), ("A", "roctavian")])
def test_a_person_who_would_start_it_is_charged_its_first_year(content, kind, product):
    other = "factor8-standard" if kind == "A" else "factor9-standard"
    assert _needles(content, kind, other, product) == content.option(product).attributes[NEEDLES]


def test_staying_on_factor_still_counts_every_infusion(content):
    stay = _needles(content, "A", "factor8-standard", "factor8-standard")
    assert stay == content.option("factor8-standard").attributes[NEEDLES]
