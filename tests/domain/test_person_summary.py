"""Issue 14: the summary prints the answers added to "About you", and says which were skipped."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.domain.ui_keys import ASKED_SINCE_ISSUE_14


def profile_lines(content, **answers) -> dict[str, str]:
    summary = build_summary(content, Session(profile=Profile(**answers)), dt.date(2026, 12, 1), "test")
    return {line.label: line.value for line in summary.profile}


def test_each_new_question_prints_not_answered_until_it_is_answered(content):
    lines = profile_lines(content, hemophilia_type="A")
    for field in ASKED_SINCE_ISSUE_14:
        assert lines[content.text(f"profile.q.{field}")] == content.text("summary.not_answered"), field
    # the older questions print only when answered, as before
    assert content.text("profile.q.alcohol") not in lines


def test_the_new_answers_print_in_words_and_prefer_not_to_say_is_kept_apart(content):
    lines = profile_lines(content, hemophilia_type="A", sex="female", region="uk", hiv="prefer_not_to_say")
    assert lines[content.text("profile.q.sex")] == content.text("profile.a.sex.female")
    assert lines[content.text("profile.q.region")] == content.text("profile.a.region.uk")
    assert lines[content.text("profile.q.hiv")] == "Prefer not to say"
    assert lines[content.text("profile.q.hepatitis_b")] == content.text("summary.not_answered")
