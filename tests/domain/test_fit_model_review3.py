"""Second model review, the items left open: M2-13 (a fit needs two features that matter
and differ), M2-14 (a fixed, stated, neutral order), M2-8/M2-15 (the first year counts
what no other feature counts; the overlap screen), M2-10 and M2-12."""

from __future__ import annotations

from decisionaid.domain.fit import MATTER_AT_LEAST, fit
from decisionaid.domain.fit_summary import fit_view
from decisionaid.domain.session import Profile, Session
from tests.domain.fit_factories import shipped

ADULT = {"severity": "severe", "inhibitors": "never", "age_group": "18_to_64"}


def _adult_a() -> Profile:
    return Profile(hemophilia_type="A", current_treatment="factor8-standard", **ADULT)


def test_a_fit_needs_two_rated_features_that_matter_and_on_which_the_options_differ():
    # M2-13: five features rated (enough by count), but only bleeds above "not important":
    # the old rule showed a fit that only restated that one rating.
    content = shipped()
    one = {"bleed_protection": 4, "needles": 0, "track_record": 0, "clot_risk": 0, "treatment_burden": 0}
    result = fit(content, Session(profile=_adult_a(), importance=one))
    assert result.answered >= result.needed
    assert not result.enough
    assert result.matter == 1
    two = {**one, "needles": 1}
    result = fit(content, Session(profile=_adult_a(), importance=two))
    assert result.enough and result.matter == MATTER_AT_LEAST == 2


def test_a_flat_feature_that_matters_does_not_count_as_the_second_one():
    # EU, severe A, inhibitor now: own factor and "can be stopped" are the same for all
    # options shown, so rating them high moves no fit.
    content = shipped()
    profile = Profile(
        hemophilia_type="A", severity="severe", inhibitors="now", age_group="18_to_64", region="eu"
    )
    importance = {
        "bleed_protection": 4,
        "own_factor": 4,
        "future_options": 4,
        "track_record": 0,
        "clot_risk": 0,
        "needles": 0,
        "treatment_burden": 0,
    }
    result = fit(content, Session(profile=profile, importance=importance))
    assert {"own_factor", "future_options"} <= set(result.flat)
    assert result.answered >= result.needed
    assert result.matter == 1 and not result.enough


def test_the_note_says_how_many_features_must_matter_and_why():
    content = shipped()
    one = {"bleed_protection": 4, "needles": 0, "track_record": 0, "clot_risk": 0, "treatment_burden": 0}
    view = fit_view(content, Session(profile=_adult_a(), importance=one))
    assert not view.available
    (note,) = view.notes
    assert "at least 2" in note and "1 of them" in note
    assert "repeat" in note  # why: a fit from one answer only repeats it
    few = fit_view(content, Session(profile=_adult_a(), importance={"bleed_protection": 4}))
    assert "at least 2 that matter to you" in few.notes[0]
