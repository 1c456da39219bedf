"""Fit scores: importance-weighted means with drivers, hard limits and close calls."""

from __future__ import annotations

import pytest

from decisionaid.domain.scoring import fit_scores
from tests.domain.factories import limit, option

ATTRS = ["burden", "record", "steady"]
GENE = option("gene", burden=1.0, record=0.2, steady=0.6)
FACTOR = option("factor", burden=0.2, record=1.0, steady=0.6)
EMI = option("emi", burden=0.7, record=0.6, steady=0.8)


def fits_by_id(result):
    return {f.option_id: f.fit for f in result.fits}


def test_fit_is_the_importance_weighted_mean_of_scores_out_of_100():
    result = fit_scores([GENE, FACTOR], ATTRS, {"burden": 4, "record": 1, "steady": 0})
    assert fits_by_id(result) == {"gene": pytest.approx(84.0), "factor": pytest.approx(36.0)}
    assert [f.option_id for f in result.fits] == ["gene", "factor"]


def test_the_strongest_attributes_for_and_against_are_named():
    result = fit_scores([GENE], ATTRS, {"burden": 4, "record": 3, "steady": 1})
    (fit,) = result.fits
    assert [d.attribute_id for d in fit.drivers_for] == ["burden", "steady"]
    assert [d.attribute_id for d in fit.drivers_against] == ["record"]


def test_nothing_matters_is_flagged_instead_of_dividing_by_zero():
    result = fit_scores([GENE, FACTOR], ATTRS, {})
    assert result.nothing_matters
    assert not result.close_call
    assert all(f.fit == 0 for f in result.fits)


def test_equal_importance_everywhere_gives_a_plain_average_and_says_so():
    result = fit_scores([GENE, EMI], ATTRS, {a: 2 for a in ATTRS})
    assert result.all_equal
    assert fits_by_id(result)["emi"] == pytest.approx(70.0)


def test_a_close_call_is_flagged_when_the_top_two_are_within_5_points():
    a = option("a", burden=0.60, record=0.5, steady=0.5)
    b = option("b", burden=0.55, record=0.5, steady=0.5)
    assert fit_scores([a, b], ATTRS, {"burden": 1, "record": 1, "steady": 1}).close_call


def test_a_close_call_is_flagged_when_one_step_on_one_importance_swaps_the_top_two():
    a = option("a", burden=0.9, record=0.1, steady=0.5)
    b = option("b", burden=0.3, record=0.8, steady=0.5)
    result = fit_scores([a, b], ATTRS, {"burden": 1})
    assert fits_by_id(result) == {"a": 90.0, "b": 30.0}
    assert result.close_call
    assert result.swap_attribute == "record"  # "a little" on record: a 50, b 55


def test_a_clear_lead_is_not_a_close_call():
    result = fit_scores([GENE, FACTOR], ATTRS, {"burden": 4, "record": 0, "steady": 0})
    assert not result.close_call
    assert result.swap_attribute is None


def test_hard_limits_crossed_are_listed_per_option_and_do_not_change_the_fit():
    limits = [limit("no_steroids", "gene"), limit("no_shots", "factor")]
    importance = {"burden": 3, "record": 3, "steady": 3}
    plain = fit_scores([GENE, FACTOR], ATTRS, importance)
    result = fit_scores([GENE, FACTOR], ATTRS, importance, ["no_steroids"], limits)
    crossed = {f.option_id: f.limits_crossed for f in result.fits}
    assert crossed == {"gene": ("no_steroids",), "factor": ()}
    assert fits_by_id(result) == fits_by_id(plain)


def test_a_gap_of_exactly_5_points_is_a_close_call():
    a = option("a", burden=0.60, record=0.5, steady=0.5)
    b = option("b", burden=0.55, record=0.5, steady=0.5)
    result = fit_scores([a, b], ATTRS, {"burden": 1})
    assert fits_by_id(result) == {"a": 60.0, "b": 55.0}
    assert result.near and result.close_call


def test_a_one_step_swap_without_a_near_score_is_not_called_near():
    a = option("a", burden=0.9, record=0.1, steady=0.5)
    b = option("b", burden=0.3, record=0.8, steady=0.5)
    result = fit_scores([a, b], ATTRS, {"burden": 1})
    assert result.close_call and not result.near
