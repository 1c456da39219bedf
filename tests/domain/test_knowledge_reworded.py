"""Sixth methods review M6-9: knowledge answers were stored as a choice number only, so after
the content reworded a choice the summary printed today's words as the person's answer. The
words he saw are kept with the number; a reworded choice is asked again and not scored."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.clinician import teach_back
from decisionaid.domain.knowledge import (
    answer_changed,
    answer_given,
    fingerprint,
    knowledge_for,
    knowledge_lines,
)
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary


def _session(content, words: str | None) -> tuple[Session, object]:
    profile = Profile(hemophilia_type="B")
    item = knowledge_for(content, profile)[0]
    picked = {} if words is None else {item.id: words}
    return Session(profile=profile, knowledge_answers={item.id: item.answer}, knowledge_picked=picked), item


def test_an_answer_whose_words_are_unchanged_counts_as_before(content):
    session, item = _session(content, None)
    assert answer_given(item, session) == item.answer  # a file from before has no words: by number
    session, item = _session(content, item.choices[item.answer])
    assert answer_given(item, session) == item.answer
    line = knowledge_lines(content, session)[0]
    assert line.right is True and line.answer == item.choices[item.answer]


def test_a_reworded_choice_prints_the_words_he_saw_and_is_asked_again_not_scored(content):
    session, item = _session(content, "steroid pills for some weeks")
    assert answer_given(item, session) is None
    line = knowledge_lines(content, session)[0]
    assert line.answer == "steroid pills for some weeks"
    assert line.verdict == content.text("knowledge.changed") and line.right is None
    summary = build_summary(content, session, dt.date(2026, 12, 1), "t")
    assert summary.knowledge.value.startswith("0 of ")  # nothing counted as answered
    tb = next(t for t in teach_back(content, session) if t.item_id == item.id)
    assert tb.patient_answer is None and tb.correct is None


def test_choices_only_moved_in_the_list_keep_his_answer(content):
    """V8-9: his saved words are matched before the number."""
    session, item = _session(content, None)
    moved = item.model_copy(update={"choices": list(reversed(item.choices))})
    words = item.choices[item.answer]
    session = session.model_copy(update={"knowledge_picked": {item.id: words}})
    assert moved.choices[answer_given(moved, session)] == words


def test_the_printed_summary_gives_the_words_he_chose_before_asked_again(content):
    """V8-8: the export printed only the question and "asked again", not his words."""
    from decisionaid.export.markdown_html import render_markdown

    session, _ = _session(content, "steroid pills for some weeks")
    md = render_markdown(build_summary(content, session, dt.date(2026, 12, 1), "t"))
    assert "steroid pills for some weeks" in md
    assert content.text("knowledge.changed") in md


def _answered_today(content) -> tuple[Session, object]:
    """His answer as Ready saves it today: the number, the words and the question's fingerprint."""
    profile = Profile(hemophilia_type="B")
    item = knowledge_for(content, profile)[0]
    session = Session(
        profile=profile,
        knowledge_answers={item.id: item.answer},
        knowledge_picked={item.id: item.choices[item.answer]},
        knowledge_asked={item.id: fingerprint(item)},
    )
    return session, item


def test_an_answer_to_the_question_as_it_still_is_counts(content):
    session, item = _answered_today(content)
    assert answer_given(item, session) == item.answer
    assert answer_changed(item, session) is None


def test_a_changed_question_sets_his_answer_aside_though_the_choices_are_the_same(content):
    """Review V8-9b: stems carry dates ("As of early 2026"); an answer to the old stem was
    printed under the new one."""
    session, item = _answered_today(content)
    reworded = item.model_copy(update={"question": item.question + " (updated)"})
    assert answer_given(reworded, session) is None
    assert answer_changed(reworded, session) == item.choices[item.answer]


def test_a_changed_answer_key_is_not_used_to_score_an_old_answer(content):
    """Review V8-9b: after an evidence update moves the right answer, his old answer would
    have been scored "Not right" against a key he never saw."""
    session, item = _answered_today(content)
    other = (item.answer + 1) % len(item.choices)
    rekeyed = item.model_copy(update={"answer": other})
    assert answer_given(rekeyed, session) is None
    lines = knowledge_lines(content.model_copy(update={"knowledge": [rekeyed]}), session)
    assert lines[0].right is None and lines[0].answer_changed


def test_an_answer_saved_before_fingerprints_were_kept_still_counts(content):
    session, item = _answered_today(content)
    session = session.model_copy(update={"knowledge_asked": {}})
    assert answer_given(item, session) == item.answer


def test_choices_that_only_moved_keep_an_answer_that_has_a_fingerprint(content):
    """Review M7-3: the fingerprint held the choices in order and the right one by number, so
    reordering the same words set the answer aside (undoing V8-9a)."""
    session, item = _answered_today(content)
    moved = item.model_copy(
        update={
            "choices": list(reversed(item.choices)),
            "answer": len(item.choices) - 1 - item.answer,
            "question": item.question.replace(" ", "  ", 1).replace("?", " ?"),
        }
    )
    assert answer_given(moved, session) == moved.answer
    assert answer_changed(moved, session) is None
