"""Merging two windows' answers: each window's changes survive; clashes are kept, not lost."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.merge import merge_sessions
from decisionaid.domain.session import Profile, Session

START = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def base(**fields) -> Session:
    return Session(created=START, updated=START, **fields)


def later(session: Session, minutes: int, **fields) -> Session:
    """The session with answers changed, as a window saves it some minutes later."""
    changed = {**session.model_dump(), **fields, "updated": START + dt.timedelta(minutes=minutes)}
    return Session.model_validate(changed)


def test_answers_changed_in_different_fields_are_both_kept():
    b = base(notes="old")
    theirs = later(b, 1, notes="TAB-A-NOTE")
    mine = later(b, 2, clinician_notes="From the nurse")
    merged = merge_sessions(b, mine, theirs)
    assert merged.session.notes == "TAB-A-NOTE"
    assert merged.session.clinician_notes == "From the nurse"
    assert merged.kept_theirs == () and merged.kept_both == ()
    assert merged.session.updated == mine.updated


def test_profile_and_per_item_answers_merge_one_answer_at_a_time():
    b = base(importance={"needles": 1}, readiness={"know": True})
    theirs = later(
        b, 1, profile=Profile(severity="severe"), importance={"needles": 1, "travel": 3}, readiness={}
    )
    mine = later(
        b, 2, profile=Profile(hemophilia_type="B"), importance={"needles": 4}, readiness={"know": True}
    )
    merged = merge_sessions(b, mine, theirs).session
    assert (merged.profile.hemophilia_type, merged.profile.severity) == ("B", "severe")
    assert merged.importance == {"needles": 4, "travel": 3}
    assert merged.readiness == {}  # the other window cleared it; this one did not touch it


def test_a_choice_both_windows_changed_keeps_the_one_saved_first_and_names_it():
    b = base(leaning=None, importance={"needles": 2})
    theirs = later(b, 1, leaning="hemgenix", importance={"needles": 0})
    mine = later(b, 2, leaning="not_sure", importance={"needles": 4})
    merged = merge_sessions(b, mine, theirs)
    assert merged.session.leaning == "hemgenix"
    assert merged.session.importance == {"needles": 0}
    assert set(merged.kept_theirs) == {("leaning",), ("importance", "needles")}


def test_notes_both_windows_changed_keep_both_texts_saved_one_first():
    b = base(notes="Ask about work")
    theirs = later(b, 1, notes="Ask about work and travel")
    mine = later(b, 2, notes="Ask about work and sport")
    merged = merge_sessions(b, mine, theirs)
    assert merged.session.notes == f"{theirs.notes}\n\n{mine.notes}"
    assert merged.kept_both == (("notes",),)
    assert merged.kept_theirs == ()


def test_lists_get_what_each_window_added_and_lose_what_it_removed():
    b = base(own_questions=["one", "two"], hard_limits=["daily_needles"])
    theirs = later(b, 1, own_questions=["one", "two", "three"], hard_limits=[])
    mine = later(b, 2, own_questions=["two", "four"], hard_limits=["daily_needles", "liver"])
    merged = merge_sessions(b, mine, theirs).session
    assert merged.own_questions == ["two", "three", "four"]
    assert merged.hard_limits == ["liver"]


def test_where_this_window_is_stays_its_own():
    b = base(last_route="/learn")
    theirs = later(b, 1, last_route="/values")
    mine = later(b, 2, last_route="/ready")
    merged = merge_sessions(b, mine, theirs)
    assert merged.session.last_route == "/ready" and merged.kept_theirs == ()


def test_a_session_the_other_window_started_over_gets_only_this_windows_changes():
    b = base(notes="old notes", leaning="hemgenix")
    fresh = Session(created=START + dt.timedelta(hours=1), updated=START + dt.timedelta(hours=1))
    mine = later(b, 90, preferred_role="share")
    merged = merge_sessions(b, mine, fresh).session
    assert merged.created == fresh.created
    assert (merged.notes, merged.leaning, merged.preferred_role) == ("", None, "share")


def test_moving_to_another_page_is_not_a_change_of_answers():
    from decisionaid.domain.merge import same_answers

    b = base(notes="same")
    assert same_answers(b, later(b, 5, last_route="/learn"))
    assert not same_answers(b, later(b, 5, notes="other"))


def test_top_priorities_chosen_in_one_window_are_kept_when_the_other_changed_something_else():
    b = base(top_priorities=["needles"])
    theirs = later(b, 1, notes="TAB-A-NOTE")
    mine = later(b, 2, top_priorities=["bleed_protection", "needles", "track_record"])
    merged = merge_sessions(b, mine, theirs)
    assert merged.session.top_priorities == ["bleed_protection", "needles", "track_record"]
    assert merged.session.notes == "TAB-A-NOTE"
    assert merged.kept_theirs == ()


def test_top_priorities_both_windows_changed_keep_the_three_saved_first_whole_and_name_them():
    b = base(top_priorities=["needles", "track_record"])
    theirs = later(b, 1, top_priorities=["track_record", "needles", "bleed_protection"])
    mine = later(b, 2, top_priorities=["treatment_burden", "future_options", "needles"])
    merged = merge_sessions(b, mine, theirs)
    # A ranking is one answer: mixing two windows' picks could make four, or an order no one chose.
    assert merged.session.top_priorities == ["track_record", "needles", "bleed_protection"]
    assert merged.kept_theirs == (("top_priorities",),)
