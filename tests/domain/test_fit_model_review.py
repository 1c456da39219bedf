"""Model review M-6 (no score is a point), M-7 (the first year counts) and M-13 (each
rating question's ends among the options shown), on made-up and shipped content."""

from __future__ import annotations

import pytest

from decisionaid.domain.content import AttributeScore, Rubric, RubricLevel
from decisionaid.domain.fit import fit, swing
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.fit_poles import local_ends
from decisionaid.domain.fit_ranges import LEAST_WIDTH, rubrics, score_ends
from decisionaid.domain.session import Profile, Session
from tests.domain.fit_factories import shipped

QUARTERS = (0.0, 0.25, 0.5, 0.75, 1.0)
ADULT = {"severity": "severe", "inhibitors": "never", "age_group": "18_to_64"}


def firm(value: float) -> AttributeScore:
    return AttributeScore(score=value, reason="why", source="S1")


def rubric(*levels: float, firm: bool = False, firm_levels: tuple[float, ...] = ()) -> Rubric:
    return Rubric(
        measure="what",
        levels=[RubricLevel(score=v, when=f"at {v}", firm=v in firm_levels) for v in levels],
        range_rule="how",
        firm=firm,
    )


def test_a_score_read_from_evidence_reaches_a_tenth_either_side_inside_the_scale():
    assert score_ends(firm(0.75), rubric(*QUARTERS)) == pytest.approx((0.65, 0.75, 0.85))
    assert score_ends(firm(1.0), rubric(*QUARTERS)) == pytest.approx((0.9, 1.0, 1.0))
    assert score_ends(firm(0.0), rubric(*QUARTERS)) == pytest.approx((0.0, 0.0, 0.1))


def test_a_two_level_rubric_read_from_evidence_does_not_span_half_the_scale():
    # M2-1: the old least range (half a step) gave every score on a two-level rubric
    # half the scale: "Can be stopped" 0.5-1.0 and "cannot be undone" 0-0.5.
    assert score_ends(firm(0.0), rubric(0.0, 1.0)) == pytest.approx((0.0, 0.0, LEAST_WIDTH))


def test_a_score_on_a_firm_rubric_stays_a_point():
    assert score_ends(firm(0.0), rubric(0.0, 1.0, firm=True)) == (0.0, 0.0, 0.0)
    assert score_ends(firm(0.75), rubric(*QUARTERS, firm=True)) == (0.75, 0.75, 0.75)


def test_a_score_on_a_firm_level_stays_a_point_and_the_other_levels_do_not():
    own_factor = rubric(0.0, 0.5, 1.0, firm_levels=(0.0,))
    assert score_ends(firm(0.0), own_factor) == (0.0, 0.0, 0.0)
    assert score_ends(firm(0.5), own_factor) == pytest.approx((0.4, 0.5, 0.6))


def test_a_wider_range_from_the_range_rule_is_kept():
    wide = AttributeScore(score=0.75, low=0.25, high=1.0, reason="why", source="S1")
    assert score_ends(wide, rubric(*QUARTERS)) == (0.25, 0.75, 1.0)
    assert score_ends(wide, rubric(*QUARTERS, firm=True)) == (0.25, 0.75, 1.0)


def test_the_shipped_rubrics_mark_facts_firm_and_leave_estimates_widened():
    by_id = rubrics(shipped())
    assert {a for a, r in by_id.items() if r.firm} == {
        "treatment_burden",
        "needles",
        "track_record",
        "clot_risk",
        "future_options",
        "first_year",
    }
    assert by_id["own_factor"].is_firm(0.0) and not by_id["own_factor"].is_firm(0.5)
    assert not by_id["bleed_protection"].is_firm(0.75)


@pytest.mark.parametrize("kind", ["A", "B"])
def test_the_grid_shows_can_be_stopped_and_own_factor_as_good_or_poor_never_mixed(kind):
    # M2-1: with the half-step least range every option read "mixed" on both, and the
    # PDF printed "Can be stopped (mixed): It cannot be undone."
    content = shipped()
    ids = [a.id for a in content.attributes]
    session = Session(
        profile=Profile(hemophilia_type=kind, **ADULT),
        importance=dict.fromkeys(ids, 2),
        top_priorities=["future_options", "own_factor", "track_record"],
    )
    result = fit(content, session)
    for option_fit in result.fits:
        stop, own, record = option_fit.cells
        gene_therapy = content.option(option_fit.option_id).kind == "gene-therapy"
        assert stop.alignment == ("poor" if gene_therapy else "good"), option_fit.option_id
        assert (stop.low, stop.high) == (stop.score, stop.score)
        if not gene_therapy:
            assert own.alignment == "poor", option_fit.option_id
        given = content.option(option_fit.option_id).attributes["track_record"]
        if given.lowest == given.highest:  # a card of products of different ages keeps its range
            assert record.low == record.score == record.high, option_fit.option_id


@pytest.mark.parametrize("kind", ["A", "B"])
def test_no_shipped_option_gets_a_point_fit_however_well_read(kind):
    # Before M-6, Hemlibra (every score firm) was "about 76 out of 100", as if certain.
    content = shipped()
    ids = [a.id for a in content.attributes]
    for ratings in ([3] * len(ids), [4, 1] * len(ids), [0, 2, 4] * len(ids)):
        session = Session(
            profile=Profile(hemophilia_type=kind, **ADULT),
            importance=dict(zip(ids, ratings, strict=False)),
        )
        result = fit(content, session)
        assert result.enough
        for option_fit in result.fits:
            assert option_fit.low < option_fit.fit or option_fit.fit < option_fit.high, option_fit.option_id
            assert option_fit.high - option_fit.low > 1, option_fit.option_id


def test_swing_without_rubrics_keeps_the_ranges_as_given():
    content = shipped()
    options = [content.option("emicizumab"), content.option("fitusiran")]
    plain = swing(options, ["bleed_protection"]).rescaled["emicizumab"]["bleed_protection"]
    grid = swing(options, ["bleed_protection"], rubrics(content))
    widened = grid.rescaled["emicizumab"]["bleed_protection"]
    assert plain == (1.0, 1.0, 1.0)
    assert widened[0] < 1.0


def test_every_scored_option_has_a_first_year_score_from_its_rubric():
    content = shipped()
    attribute = next(a for a in content.attributes if a.id == "first_year")
    # Four levels since model review M2-8 (the 0.0 level, "and steroids", was dropped).
    assert attribute.rubric is not None and len(attribute.rubric.levels) == 4
    for option in content.options:
        if option.kind != "current":
            assert "first_year" in option.attributes, option.id


def test_hemgenix_against_standard_factor_ix_names_the_first_year_against_it():
    # The methodologist's example contrast ("against it: first-year visits").
    content = shipped()
    ids = [a.id for a in content.attributes]
    session = Session(
        profile=Profile(hemophilia_type="B", current_treatment="factor9-standard", **ADULT),
        importance=dict.fromkeys(ids, 2),
        top_priorities=["first_year", "treatment_burden", "bleed_protection"],
    )
    result = fit(content, session)
    hemgenix = next(f for f in result.fits if f.option_id == "hemgenix")
    (contrast,) = hemgenix.contrasts
    assert contrast.other_id == "factor9-standard"
    assert contrast.worse_on[0] == "first_year"
    assert contrast.better_on[:2] == ("treatment_burden", "bleed_protection")


def test_the_first_year_counts_in_the_fit_when_it_matters():
    content = shipped()
    ids = [a.id for a in content.attributes]
    profile = Profile(hemophilia_type="B", **ADULT)

    def hemgenix_fit(first_year: int) -> float:
        importance = {**dict.fromkeys(ids, 2), "first_year": first_year}
        result = fit(content, Session(profile=profile, importance=importance))
        return next(f.fit for f in result.fits if f.option_id == "hemgenix")

    assert hemgenix_fit(4) < hemgenix_fit(0)


def test_the_ends_of_each_question_are_the_rubric_words_of_the_worst_and_best_level_shown():
    content = shipped()
    ends = local_ends(content, Profile(hemophilia_type="B", **ADULT))
    assert (ends["treatment_burden"].worst, ends["treatment_burden"].best) == (
        "a dose about every day",
        "one treatment, then no planned doses",
    )
    # Hemgenix's low end reaches back to regular doses: the best end is not for everyone.
    assert ends["treatment_burden"].best_unsure and not ends["treatment_burden"].worst_unsure
    assert (ends["future_options"].worst, ends["future_options"].best) == (
        "it cannot be stopped or undone",
        "you can stop",
    )


@pytest.mark.parametrize("kind", ["A", "B"])
def test_the_ends_of_each_question_name_no_product(kind):
    # M2-6: "Among your options: from Alhemo to Roctavian" named brands while the
    # weights were set.
    content = shipped()
    names = [n.lower() for o in content.options for n in (o.name, o.generic)]
    for profile in (
        Profile(hemophilia_type=kind, **ADULT),
        Profile(hemophilia_type=kind, severity="severe", inhibitors="now", age_group="18_to_64"),
    ):
        for ends in local_ends(content, profile).values():
            words = f"{ends.worst} {ends.best}".lower()
            assert not [n for n in names if n in words], (ends, profile)


def test_a_gene_therapy_ruled_out_is_not_an_end_of_any_question():
    content = shipped()
    ends = local_ends(
        content, Profile(hemophilia_type="B", severity="severe", inhibitors="now", age_group="18_to_64")
    )
    # Without gene therapy no option shown makes its own factor: the question moves no fit.
    assert ends["own_factor"].flat
    assert ends["future_options"].flat
    assert ends["treatment_burden"].best == "a dose every 4 weeks or less often"


def test_the_ends_wait_until_the_type_is_known():
    assert local_ends(shipped(), Profile()) == {}
    assert local_ends(shipped(), Profile(hemophilia_type="not_sure")) == {}


# Model review M2-3: staying on a product is not charged its start.


def _products(kind: str) -> list[str]:
    from decisionaid.domain.eligibility import standing

    return [o.id for o in standing(shipped(), Profile(hemophilia_type=kind, **ADULT))[0]]


@pytest.mark.parametrize(
    ("kind", "current"), [(kind, product) for kind in "AB" for product in _products(kind)]
)
def test_the_product_a_person_uses_now_is_at_the_top_level_of_the_first_year(kind, current):
    content = shipped()
    ids = [a.id for a in content.attributes]
    session = Session(
        profile=Profile(hemophilia_type=kind, current_treatment=current, **ADULT),
        importance=dict.fromkeys(ids, 2),
        top_priorities=["first_year"],
    )
    result = fit(content, session)
    (now,) = [f for f in result.fits if f.uses_now]
    (cell,) = [c for c in now.cells if c.attribute_id == "first_year"]
    # The top level among the options shown: rescaled, the best is 1 (0.5 if all alike).
    assert cell.score == cell.low == cell.high == (0.5 if "first_year" in result.flat else 1.0)
    assert cell.reason == content.text("fit.start_up_now")


def test_only_the_product_used_now_is_read_as_staying_on_it():
    content = shipped()
    profile = Profile(hemophilia_type="B", current_treatment="factor9-extended", **ADULT)
    scored = {o.id: o for o in fit_options(content, profile)[0]}
    assert scored["factor9-extended"].attributes["first_year"].score == 1.0
    assert (
        scored["factor9-standard"].attributes["first_year"]
        == content.option("factor9-standard").attributes["first_year"]
    )
    assert scored["hemgenix"].attributes["first_year"].score == 0.25


def test_ratings_of_features_on_which_the_options_do_not_differ_do_not_make_enough():
    # M2-13: EU, severe A, inhibitor now: own factor and "can be stopped" are flat. Rated
    # with two more at "not important" and bleeds "extremely", the old rule showed a fit
    # resting on one rating.
    content = shipped()
    profile = Profile(
        hemophilia_type="A", severity="severe", inhibitors="now", age_group="18_to_64", region="eu"
    )
    importance = {
        "own_factor": 3,
        "future_options": 3,
        "track_record": 0,
        "clot_risk": 0,
        "bleed_protection": 4,
    }
    result = fit(content, Session(profile=profile, importance=importance))
    assert {"own_factor", "future_options"} <= set(result.flat)
    assert not result.enough
    assert result.answered == 3
    assert result.needed == (len(content.attributes) - len(result.flat) + 1) // 2
    more = {**importance, "needles": 2}
    assert fit(content, Session(profile=profile, importance=more)).enough


def test_a_contrast_states_no_direction_where_the_two_ranges_overlap():
    # M2-4: "Alhemo over Long-acting factor IX: Protection from bleeds", though Alhemo's
    # range (0.25-0.75) lies inside long-acting factor IX's (0.25-1.0).
    content = shipped()
    ids = [a.id for a in content.attributes]
    session = Session(
        profile=Profile(hemophilia_type="B", current_treatment="factor9-extended", **ADULT),
        importance=dict.fromkeys(ids, 2),
        top_priorities=["bleed_protection", "treatment_burden", "needles"],
    )
    result = fit(content, session)
    alhemo = next(f for f in result.fits if f.option_id == "concizumab")
    (contrast,) = alhemo.contrasts
    assert "bleed_protection" not in contrast.better_on + contrast.worse_on
    # Firm differences are still stated: a shot every day against a dose every week or so.
    assert "treatment_burden" in contrast.worse_on
