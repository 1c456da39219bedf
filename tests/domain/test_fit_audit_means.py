"""The model card prints the audit with the factor cards scored from a median one bleed
level down (review M5-3), and says in words how much it moves, not "a little"."""

from __future__ import annotations

from functools import cache

from decisionaid import locations
from tests.domain.fit_audit import PEOPLE, audit, table
from tests.domain.fit_audit_means import BLEEDS, MEDIAN_CARDS, means_audit, medians_one_level_down, shifts
from tests.domain.fit_factories import shipped

JAKE = PEOPLE[2]
"""The 16-year-old on long-acting factor IX, whose figures the patient text quotes."""


@cache
def _audits():
    return audit(shipped()), means_audit(shipped())


def _about() -> str:
    return (locations.locale_root("en") / "about.md").read_text(encoding="utf-8")


def test_the_median_cards_are_the_factor_cards_whose_bleed_reason_says_it_is_a_middle_value():
    said = {
        o.id
        for o in shipped().options
        if o.kind == "factor" and BLEEDS in o.attributes and "middle value" in o.attributes[BLEEDS].reason
    }
    assert said == set(MEDIAN_CARDS)


def test_only_the_median_cards_bleed_scores_move_and_each_by_one_rubric_level():
    content = shipped()
    case = next(c for c in PEOPLE if c.hemophilia_type == "B")
    for option in medians_one_level_down(content, case):
        shipped_score = content.option(option.id).attributes[BLEEDS].score
        moved = option.attributes[BLEEDS].score
        assert moved == (shipped_score - 0.25 if option.id in MEDIAN_CARDS else shipped_score), option.id
        assert option.attributes[BLEEDS].lowest <= moved


def test_the_model_card_prints_the_audit_with_the_median_cards_one_level_down_and_the_shifts():
    shipped_results, moved = _audits()
    about = _about()
    assert table(moved) in about, "about.md does not hold this table:\n" + table(moved)
    found = shifts(shipped(), shipped_results, moved)
    assert found in about, "about.md does not hold these shifts:\n" + found


def test_the_patient_text_quotes_the_16_year_olds_shares_as_the_audit_gives_them():
    shipped_results, moved = _audits()
    before = next(r for r in shipped_results if r.case == JAKE).first["factor9-extended"]
    after = next(r for r in moved if r.case == JAKE).first["factor9-extended"]
    text = " ".join(_about().split())
    assert f"in {round(100 * before)} of 100 sets of answers" in text
    assert f"One step lower, it did in {round(100 * after)}." in text


def test_the_model_card_no_longer_says_the_median_cards_look_only_a_little_better():
    assert "a little better" not in " ".join(_about().split())
