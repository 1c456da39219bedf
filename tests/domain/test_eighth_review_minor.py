"""Review R8's minor findings (R8-7, R8-9, R8-10) as rules on the shipped content: undo
the fix and its test fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decisionaid.domain.next_steps import next_steps
from decisionaid.domain.option_grid import option_grid
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary

TODAY = dt.date(2026, 12, 1)
SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
NO_TYPE = [None, "not_sure"]
"""A type not answered and "not sure" are the same to the fit (cfd98d2): nothing is scored."""


@pytest.mark.parametrize("kind", NO_TYPE)
def test_with_no_type_the_first_fit_note_is_the_type_not_a_call_to_rate_everything(content, kind):
    """R8-7: "Go to 'What matters to you' to see how the options fit" came first, though
    rating every feature shows no fit while the type is not known."""
    notes = build_summary(content, Session(profile=Profile(hemophilia_type=kind)), TODAY, "t").fit_notes
    assert notes[0] == content.text("summary.fit.type_unknown")
    assert content.text("summary.fit.not_answered") not in notes
    assert all("to see how the options fit" not in note for note in notes)


def test_with_a_type_and_nothing_rated_the_note_still_sends_him_to_rate(content):
    """The other side of R8-7: with a type, rating is what is missing, and the note says so."""
    notes = build_summary(content, Session(profile=Profile(hemophilia_type="B")), TODAY, "t").fit_notes
    assert notes == (content.text("summary.fit.not_answered"),)


def _values_step(content, kind):
    session = Session(profile=Profile(hemophilia_type=kind), readiness={"risk_benefit_clear": False})
    return next(s for s in next_steps(content, session) if s.kind == "values")


@pytest.mark.parametrize("kind", NO_TYPE)
def test_with_no_type_the_readiness_step_does_not_promise_a_fit_from_rating_alone(content, kind):
    """R8-7: "Then look at how each option fits what you said" is not true until the type is
    given; the step says so and offers 'About you' first."""
    step = _values_step(content, kind)
    assert "Then look at how each option fits" not in step.text
    assert "About you" in step.text
    assert step.items[0].page == "about_you"


def test_with_a_type_the_readiness_step_keeps_its_words_and_goes_to_what_matters(content):
    step = _values_step(content, "A")
    item = next(r for r in content.readiness.readiness if r.id == "risk_benefit_clear")
    assert step.text == item.if_no
    assert [i.page for i in step.items] == ["values"]


@pytest.mark.parametrize("kind", NO_TYPE)
def test_with_no_type_a_grid_of_one_does_not_speak_of_the_options_for_his_type(content, kind):
    """R8-7: grid.one said "every option for your type", printed for a man whose type is not
    known and who is shown the options for both types."""
    profile = Profile(hemophilia_type=kind, current_treatment="factor9-extended")
    grid = option_grid(content, Session(profile=profile))
    assert len(grid.columns) == 1
    assert grid.left_out and "for your type" not in grid.left_out
    assert "both types" in grid.left_out


def test_the_options_intro_has_words_for_a_person_whose_type_is_not_known(content):
    """R8-7: options.intro says "the options for your type"; its variant for an unknown type
    says he sees both types' options."""
    assert "for your type" in content.text("options.intro")
    unknown = content.text("options.intro_type_unknown")
    assert "for your type" not in unknown and "both types" in unknown


def _ray(inhibitors: str) -> Session:
    ray = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    return ray.model_copy(update={"profile": ray.profile.model_copy(update={"inhibitors": inhibitors})})


def _views(content, session: Session) -> dict:
    return {v.option_id: v for v in build_summary(content, session, TODAY, "t").outcomes}


@pytest.mark.parametrize("option_id", ["factor8-standard", "factor8-extended"])
def test_with_an_inhibitor_now_the_factor_viii_numbers_say_they_are_not_for_him(content, option_id):
    """R8-9: Ray with an inhibitor read "On it: 1.1 a year" for factor VIII with nothing under
    its heading to say the inhibitor blocks it; the apart line is now said there too."""
    view = _views(content, _ray("now"))[option_id]
    assert view.apart is not None
    assert view.apart.startswith(content.text("summary.apart.not_for_you") + ": ")
    rule = next(r for r in content.option(option_id).not_for if r.when.get("inhibitors") == ["now"])
    assert rule.reason in view.apart


def test_without_an_inhibitor_the_numbers_carry_no_apart_line_and_his_own_product_none(content):
    views = _views(content, _ray("never"))
    assert views["factor8-standard"].apart is None
    assert _views(content, _ray("now"))["emicizumab"].apart is None


def test_with_no_type_the_numbers_say_which_type_each_option_is_for_but_not_of_his_own(content):
    """The same rule as the grid's licence row: his own product waits without doubt (R8-6)."""
    session = Session(profile=Profile(current_treatment="factor9-extended"))
    views = _views(content, session)
    assert views["factor9-extended"].apart is None
    roctavian = views["roctavian"].apart
    assert roctavian and content.text("fit.apart.type_unknown", type="A") in roctavian


def _took_only_people_without_inhibitors(source) -> bool:
    title = source.title.lower()
    return "without inhibitors" in title and " with inhibitors" not in title.replace("without inhibitors", "")


def test_a_bleed_row_from_a_trial_of_people_without_inhibitors_says_so_in_its_who(content):
    """R8-9: the factor VIII rows' "Who" did not say their trials left out people with
    inhibitors, where the source says so (the BASIS paper's title: "...without inhibitors")."""
    missing = [
        (table.option, bleed.study)
        for table in content.outcomes
        for bleed in table.bleeds
        if any(_took_only_people_without_inhibitors(content.sources[s]) for s in bleed.sources)
        and "without inhibitors" not in bleed.who
    ]
    assert not missing
