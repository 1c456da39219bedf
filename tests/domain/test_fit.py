"""The fit model, rule by rule: swing rescaling, weights, intervals, bands, close calls."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from decisionaid.domain import fit as model
from decisionaid.domain.content import in_shown_order
from decisionaid.domain.eligibility import for_type
from decisionaid.domain.fit import fit
from decisionaid.domain.fit_summary import contrast_sentence
from decisionaid.domain.session import Profile, Session
from tests.domain.factories import limit
from tests.domain.fit_factories import content, option, session, shipped

ALL_TWO = {"bleeds": 2, "travel": 2}


def by_id(result) -> dict:
    return {f.option_id: f for f in result.fits}


# Swing rescaling


def test_an_importance_rating_moves_the_fit_as_much_on_a_narrow_attribute_as_on_a_wide_one():
    # Raw bleed scores span 0.55-0.90, travel 0-0.9 (the spread the audit found):
    # with swing rescaling each option is best on one of two equally rated attributes.
    a = option("a", bleeds=0.90, travel=0.0)
    b = option("b", bleeds=0.55, travel=0.9)
    fits = by_id(fit(content(a, b), session(ALL_TWO)))
    assert fits["a"].fit == pytest.approx(50.0)
    assert fits["b"].fit == pytest.approx(50.0)


def test_each_score_is_rescaled_from_the_lowest_to_the_highest_option_shown():
    # travel repeats the rescaled bleed scores, so the fit is the rescaled bleed score (a
    # fit needs two features that matter, model review M2-13).
    options = [
        option("a", bleeds=0.55, travel=0.0),
        option("b", bleeds=0.90, travel=1.0),
        option("c", bleeds=0.62, travel=0.2),
    ]
    result = fit(content(*options), session({"bleeds": 4, "travel": 4}))
    cells = {f.option_id: f.cells[0] for f in result.fits}
    assert cells["a"].score == pytest.approx(0.0)
    assert cells["b"].score == pytest.approx(1.0)
    assert cells["c"].score == pytest.approx(0.2)
    assert by_id(result)["c"].fit == pytest.approx(20.0)


def test_the_fit_is_the_weighted_mean_of_the_rescaled_scores_out_of_100():
    a = option("a", bleeds=1.0, travel=0.0, record=0.5)
    b = option("b", bleeds=0.0, travel=1.0, record=0.0)
    c = option("c", bleeds=0.5, travel=0.5, record=1.0)
    result = fit(content(a, b, c), session({"bleeds": 4, "travel": 1, "record": 0}))
    assert by_id(result)["a"].fit == pytest.approx(80.0)
    assert by_id(result)["c"].fit == pytest.approx(50.0)


def test_an_attribute_on_which_every_option_scores_the_same_is_flat_and_carries_no_weight():
    a = option("a", bleeds=0.9, travel=0.7, record=0.0)
    b = option("b", bleeds=0.5, travel=0.7, record=1.0)
    little = fit(content(a, b), session({"bleeds": 1, "travel": 0, "record": 1}))
    much = fit(content(a, b), session({"bleeds": 1, "travel": 4, "record": 1}))
    assert much.flat == ("travel",)
    assert much.enough
    assert [f.fit for f in much.fits] == pytest.approx([f.fit for f in little.fits])
    assert [f.fit for f in much.fits] == pytest.approx([50.0, 50.0])


def test_a_flat_priority_still_gets_a_cell_in_the_middle_of_the_scale():
    a = option("a", bleeds=0.9, travel=0.7)
    b = option("b", bleeds=0.5, travel=0.7)
    result = fit(content(a, b), session({"bleeds": 1, "travel": 4}))
    cell = by_id(result)["a"].cells[0]
    assert (cell.attribute_id, cell.score, cell.alignment) == ("travel", 0.5, "mixed")


def test_when_only_flat_attributes_matter_there_is_not_enough_to_show_a_fit():
    a = option("a", bleeds=0.9, travel=0.7)
    b = option("b", bleeds=0.5, travel=0.7)
    result = fit(content(a, b), session({"bleeds": 0, "travel": 4}))
    assert not result.enough
    assert all(f.fit == 0 for f in result.fits)


# Weights and priorities


def test_a_top_three_priority_rated_very_important_outweighs_any_other_rated_extremely():
    a = option("a", bleeds=1.0, travel=0.0)
    b = option("b", bleeds=0.0, travel=1.0)
    result = fit(content(a, b), session({"bleeds": 3, "travel": 4}, top=("bleeds",)))
    assert by_id(result)["a"].fit == pytest.approx(100 * (3 + model.TOP_EXTRA) / (3 + model.TOP_EXTRA + 4))
    assert by_id(result)["a"].fit > by_id(result)["b"].fit


def test_the_top_three_add_the_same_extra_weight_each():
    ids = ["a", "b", "c", "d"]
    weights = model.weights(ids, {"a": 1, "b": 2, "c": 3, "d": 4}, ["c", "a", "b"])
    assert weights == {"a": 1 + model.TOP_EXTRA, "b": 2 + model.TOP_EXTRA, "c": 3 + model.TOP_EXTRA, "d": 4}


def test_priorities_are_the_top_three_in_the_order_chosen_then_the_very_important_ones():
    scores = {a: 0.5 for a in ("w", "x", "y", "z", "v")}
    one = option("one", **scores)
    importance = {"w": 3, "x": 4, "y": 3, "z": 4, "v": 2}
    result = fit(content(one), session(importance, top=("y", "v")))
    assert result.priorities == ("y", "v", "x", "z", "w")
    assert [c.attribute_id for c in result.fits[0].cells] == ["y", "v", "x", "z", "w"]


def test_a_top_priority_that_is_not_an_attribute_of_this_content_is_left_out():
    result = fit(
        content(option("a", bleeds=1.0), option("b", bleeds=0.0)), session({"bleeds": 2}, top=("gone",))
    )
    assert result.priorities == ()


# Enough answered


def test_no_fit_is_shown_until_half_the_attributes_are_rated():
    scores = {"p": 1.0, "q": 0.0, "r": 0.0, "s": 0.0}
    options = content(option("a", **scores), option("b", **{k: 1 - v for k, v in scores.items()}))
    one = fit(options, session({"p": 4}))
    two = fit(options, session({"p": 4, "q": 1}))
    assert (one.answered, one.needed, one.enough) == (1, 2, False)
    assert all((f.fit, f.low, f.high, f.contrasts) == (0, 0, 0, ()) for f in one.fits)
    assert (two.answered, two.enough) == (2, True)


def test_every_answer_not_important_is_not_enough_for_a_fit():
    result = fit(content(option("a", p=1.0, q=0.0), option("b", p=0.0, q=1.0)), session({"p": 0, "q": 0}))
    assert not result.enough
    assert not result.close_call


def test_not_answered_and_not_important_are_told_apart():
    scores = {"p": 1.0, "q": 0.5, "r": 0.0}
    result = fit(content(option("a", **scores), option("b", p=0, q=0, r=1)), session({"p": 0, "r": 3}))
    assert result.not_answered == ("q",)
    assert result.not_important == ("p",)


def test_the_rule_needs_half_rounded_up():
    assert [model.needed(n) for n in (1, 2, 11, 12, 13)] == [1, 1, 6, 6, 7]


# Intervals, bands, alignment


def test_the_fit_interval_comes_from_the_low_and_high_ends_of_the_scores():
    a = option("a", bleeds=(0.4, 0.6, 0.8), travel=1.0)
    b = option("b", bleeds=0.2, travel=0.0)
    c = option("c", bleeds=1.0, travel=0.5)
    result = by_id(fit(content(a, b, c), session(ALL_TWO)))
    # bleeds rescale on 0.2..1.0: low 0.25, central 0.5, high 0.75; travel 1.0.
    assert (result["a"].low, result["a"].fit, result["a"].high) == pytest.approx((62.5, 75.0, 87.5))
    assert result["b"].low == result["b"].fit == result["b"].high == 0


def test_ranges_on_two_scores_are_combined_as_independent_errors_not_added():
    # Each range is 0.2 wide below and above on a 0..1 span, on two equally weighted
    # attributes: each alone would move the fit 10 points; together sqrt(10^2 + 10^2).
    a = option("a", p=(0.3, 0.5, 0.7), q=(0.3, 0.5, 0.7))
    ends = (option("lo", p=0.0, q=0.0), option("hi", p=1.0, q=1.0))
    result = by_id(fit(content(a, *ends), session({"p": 2, "q": 2})))
    assert result["a"].fit == pytest.approx(50.0)
    assert result["a"].high - result["a"].fit == pytest.approx((10**2 + 10**2) ** 0.5)
    assert result["a"].fit - result["a"].low == pytest.approx((10**2 + 10**2) ** 0.5)


def test_a_range_reaching_past_the_options_shown_is_read_as_reaching_the_end_of_the_scale():
    # Rescaled bleeds: a (0, 0, 0.375) and b (0.875, 1, 1); travel, a point, halves the moves.
    a = option("a", bleeds=(0.0, 0.2, 0.5), travel=0.0)
    b = option("b", bleeds=(0.9, 1.0, 1.0), travel=1.0)
    result = by_id(fit(content(a, b), session({"bleeds": 3, "travel": 3})))
    assert result["a"].low == 0 and result["a"].high == pytest.approx(18.75)
    assert result["b"].low == pytest.approx(93.75) and result["b"].high == 100


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(70, 90, "closer"), (66.7, 100, "closer"), (60, 90, "middle"), (10, 40, "middle"), (0, 33.3, "further")],
)
def test_the_band_words_read_the_whole_interval_in_thirds(low, high, words):
    assert model.band(low, high) == words


@pytest.mark.parametrize(
    ("score", "alignment"),
    [
        (1.0, "good"),
        ((0.7, 0.8, 1.0), "good"),
        ((0.5, 0.8, 1.0), "mixed"),
        (0.5, "mixed"),
        ((0.0, 0.2, 0.4), "mixed"),
        ((0.0, 0.2, 0.3), "poor"),
        (0.0, "poor"),
    ],
)
def test_alignment_is_good_when_even_the_low_end_is_in_the_top_third_and_poor_when_the_high_end_is_low(
    score, alignment
):
    judged = option("judged", bleeds=score)
    result = fit(
        content(judged, option("worst", bleeds=0.0), option("best", bleeds=1.0)), session({"bleeds": 4})
    )
    assert by_id(result)["judged"].cells[0].alignment == alignment


def test_each_cell_carries_the_options_own_reason():
    result = fit(content(option("a", bleeds=1.0), option("b", bleeds=0.0)), session({"bleeds": 4}))
    assert result.fits[0].cells[0].reason == "why bleeds"


# Close call


def test_a_close_call_is_on_only_when_every_options_interval_overlaps_every_other():
    # a and c overlap, but low lies clear below a: the answers set a apart from low.
    a = option("a", bleeds=(0.65, 0.7, 0.75), travel=0.0)
    c = option("c", bleeds=(0.3, 0.5, 0.66), travel=1.0)
    low = option("low", bleeds=0.0, travel=0.0)
    assert fit(content(a, c), session({"bleeds": 4, "travel": 1})).close_call
    assert not fit(content(a, c, low), session({"bleeds": 4, "travel": 1})).close_call


def test_two_options_with_the_same_fit_are_a_close_call():
    result = fit(content(option("a", p=1.0, q=0.0), option("b", p=0.0, q=1.0)), session({"p": 2, "q": 2}))
    assert result.close_call


def test_the_close_call_rule_compares_intervals_not_points():
    assert model.close_call([(60, 70, 80), (40, 50, 60)])
    assert not model.close_call([(60, 70, 80), (40, 50, 59.9)])
    assert not model.close_call([(60, 70, 80)])
    # Pairwise overlaps that share no common point are not a close call of all of them.
    assert not model.close_call([(60, 70, 80), (45, 55, 65), (30, 40, 50)])
    assert model.close_call([(60, 70, 80), (45, 55, 65), (30, 40, 61)])


# Contrasts


def test_with_no_current_treatment_scored_each_option_is_contrasted_with_each_other_one():
    a = option("a", p=1.0, q=0.0, r=0.5)
    b = option("b", p=0.0, q=1.0, r=0.5)
    c = option("c", p=0.5, q=0.5, r=1.0)
    result = by_id(fit(content(a, b, c), session({"p": 1, "q": 4, "r": 2})))
    assert [x.other_id for x in result["a"].contrasts] == ["b", "c"]
    over_b = result["a"].contrasts[0]
    assert (over_b.better_on, over_b.worse_on) == (("p",), ("q",))
    over_c = result["a"].contrasts[1]
    assert (over_c.better_on, over_c.worse_on) == (("p",), ("q", "r"))  # q weighs more, so first


def test_contrasts_name_the_persons_priorities_first_in_their_order():
    a = option("a", p=1.0, q=1.0, r=1.0)
    b = option("b", p=0.0, q=0.0, r=0.0)
    result = by_id(fit(content(a, b), session({"p": 4, "q": 1, "r": 2}, top=("r", "q"))))
    assert result["a"].contrasts[0].better_on == ("r", "q", "p")


def test_contrasts_leave_out_what_the_person_said_is_not_important():
    a = option("a", p=1.0, q=1.0, r=0.0)
    b = option("b", p=0.0, q=0.0, r=1.0)
    result = by_id(fit(content(a, b), session({"p": 4, "q": 0, "r": 1})))
    assert result["a"].contrasts[0].better_on == ("p",)


# Order and limits


def test_the_fits_stand_from_a_to_z_by_name_whatever_the_fit():
    # M2-14: one stated rule, not by kind (gene therapy first in every session).
    options = content(option("zeta", p=0.0, q=0.0), option("mu", p=1.0, q=1.0), option("alpha", p=0.5, q=0.5))
    assert [f.option_id for f in fit(options, session({"p": 4, "q": 4})).fits] == ["alpha", "mu", "zeta"]


def test_what_he_uses_now_stands_first_then_the_others_a_to_z_whatever_their_kind():
    options = content(
        option("factor", kind="factor", p=1.0, q=0.0),
        option("newer", kind="non-factor", p=0.0, q=1.0),
        option("gene", kind="gene-therapy", p=0.5, q=0.5),
        option("blend", kind="non-factor", p=0.7, q=0.2),
    )
    result = fit(options, session({"p": 4, "q": 2}, current_treatment="newer"))
    assert [f.option_id for f in result.fits] == ["newer", "blend", "factor", "gene"]
    assert [f.uses_now for f in result.fits] == [True, False, False, False]
    nobody = fit(options, session({"p": 4, "q": 2}))
    assert [f.option_id for f in nobody.fits] == ["blend", "factor", "gene", "newer"]


@pytest.mark.parametrize("kind", ["A", "B"])
def test_the_fits_stand_in_the_options_page_order_whatever_the_importance(kind):
    shipped_content = shipped()
    page = [o.id for o in in_shown_order(for_type(shipped_content, Profile(hemophilia_type=kind)))]
    ids = [a.id for a in shipped_content.attributes]
    rng = random.Random(13)
    orders = set()
    for _ in range(30):
        importance = {a: rng.randint(0, 4) for a in ids}
        result = fit(
            shipped_content, session(importance, top=tuple(rng.sample(ids, 3)), hemophilia_type=kind)
        )
        assert result.enough
        fits = [f.option_id for f in result.fits]
        assert fits == [o for o in page if o in fits]
        orders.add(tuple(fits))
    assert len(orders) == 1


def test_a_chosen_hard_limit_marks_every_option_that_crosses_it_and_only_those():
    options = content(
        option("a", p=1.0), option("b", p=0.0), option("c", p=0.5), limits=(limit("vein", "a", "c"),)
    )
    result = by_id(fit(options, session({"p": 4}, limits=("vein",))))
    assert [result[o].limits_crossed for o in "abc"] == [("vein",), (), ("vein",)]
    unchosen = by_id(fit(options, session({"p": 4})))
    assert all(f.limits_crossed == () for f in unchosen.values())


def test_a_hard_limit_changes_no_fit():
    options = content(option("a", p=1.0), option("b", p=0.0), limits=(limit("vein", "a"),))
    plain = fit(options, session({"p": 4}))
    marked = fit(options, session({"p": 4}, limits=("vein",)))
    assert [f.fit for f in plain.fits] == [f.fit for f in marked.fits]


# The order the values step asks in


def _started(minute: int) -> Session:
    return Session(created=dt.datetime(2026, 11, 1, 9, minute, tzinfo=dt.UTC))


def test_the_attributes_are_asked_in_a_shuffled_order_not_a_rotation_of_the_content_order():
    # Model review M2-9: a rotation kept the content's neighbours together.
    shipped_ids = [a.id for a in shipped().attributes]
    orders = [model.attribute_order(shipped(), _started(m)) for m in range(30)]
    assert all(sorted(order) == sorted(shipped_ids) for order in orders)
    rotations = [shipped_ids[i:] + shipped_ids[:i] for i in range(len(shipped_ids))]
    assert sum(order in rotations for order in orders) <= 2
    # The content order's first four (gene therapy's strengths) seldom open together.
    strengths = set(shipped_ids[:4])
    assert sum(set(order[:4]) == strengths for order in orders) <= 1


def test_the_same_session_is_always_asked_in_the_same_order():
    first = model.attribute_order(shipped(), _started(7))
    again = model.attribute_order(shipped(), _started(7).model_copy())
    assert first == again


def test_sessions_started_at_different_times_start_on_different_attributes():
    firsts = {model.attribute_order(shipped(), _started(m))[0] for m in range(60)}
    assert len(firsts) >= len(shipped().attributes) // 2


# Which options cannot be told apart


def test_each_option_names_the_others_whose_interval_overlaps_its_own_and_never_itself():
    a = option("a", bleeds=(0.65, 0.7, 0.75), travel=0.0)
    c = option("c", bleeds=(0.3, 0.5, 0.66), travel=1.0)
    low = option("low", bleeds=0.0, travel=0.0)
    result = by_id(fit(content(a, c, low), session({"bleeds": 4, "travel": 1})))
    assert result["a"].overlaps == ("c",)
    assert result["c"].overlaps == ("a",)
    assert result["low"].overlaps == ()
    for one in result.values():
        assert one.option_id not in one.overlaps
        assert all(one.option_id in result[other].overlaps for other in one.overlaps)


def test_options_with_a_clear_gap_between_them_are_named_by_none():
    options = content(option("a", p=1.0, q=1.0), option("b", p=0.0, q=0.0), option("c", p=0.5, q=0.5))
    result = fit(options, session({"p": 4, "q": 4}))
    assert result.enough
    assert [f.overlaps for f in result.fits] == [(), (), ()]


def test_overlaps_are_named_in_the_fixed_order_and_are_symmetric():
    found = model.overlapping({"x": (10, 20, 30), "y": (25, 40, 50), "z": (0, 15, 26)})
    assert found == {"x": ("y", "z"), "y": ("x", "z"), "z": ("x", "y")}
    assert model.overlapping({"x": (10, 20, 30), "y": (31, 40, 50)}) == {"x": (), "y": ()}


def test_no_overlaps_are_named_before_there_is_enough_to_show_a_fit():
    result = fit(content(option("a", p=0.5, q=0.5), option("b", p=0.5, q=0.4)), session())
    assert not result.enough
    assert all(f.overlaps == () for f in result.fits)


# Linked ranges (model review M-6)


def test_linked_ranges_add_up_where_independent_ones_are_combined_as_errors():
    # Two uncertain scores of the same width: apart they widen the fit by the root of the
    # sum of squares; linked (one cause, a gene therapy that does not take) by their sum.
    sure = option("sure", p=0.5, q=0.5)
    apart = option("apart", p=(0.0, 1.0, 1.0), q=(0.0, 1.0, 1.0))
    linked = apart.model_copy(update={"id": "linked", "linked_ranges": ["p", "q"]})
    both = content(sure, apart, linked)
    fits = {f.option_id: f for f in fit(both, session({"p": 2, "q": 2})).fits}
    assert fits["apart"].fit == fits["linked"].fit == 100
    assert fits["apart"].low == pytest.approx(100 - 100 * (2**0.5) / 2)
    assert fits["linked"].low == pytest.approx(0)


def test_the_shipped_gene_therapies_link_the_ranges_a_poor_response_moves_together():
    shipped_content = shipped()
    for option_id in ("hemgenix", "roctavian"):
        linked = set(shipped_content.option(option_id).linked_ranges)
        assert {"treatment_burden", "bleed_protection", "own_factor"} <= linked


def test_a_rated_feature_whose_ranges_overlap_is_named_as_not_clearly_different():
    # M3-4: the sentence said "Nothing you rated counts for it" while the option's best
    # estimate was ahead on a rated feature, only with overlapping ranges.
    a = option("a", p=(0.5, 1.0, 1.0), q=0.0)
    b = option("b", p=(0.25, 0.5, 0.75), q=1.0)
    result = by_id(fit(content(a, b), session({"p": 4, "q": 4})))
    contrast = result["a"].contrasts[0]
    assert (contrast.better_on, contrast.worse_on, contrast.unclear_on) == ((), ("q",), ("p",))
    shown = contrast.__class__("emicizumab", (), ("needles",), ("bleed_protection",))
    words = contrast_sentence(shipped(), "A", shown)
    assert "Not clearly different" in words and "Protection from bleeds" in words
    assert "Nothing you rated puts it clearly ahead" in words
