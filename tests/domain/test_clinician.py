"""Clinician mode's talking points and teach-back list, from a patient's answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decisionaid.domain.clinician import talking_points, teach_back
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.storage import read_session_file

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"


def points_for(content, session):
    return talking_points(content, session, build_summary(content, session, dt.date(2026, 11, 22), "test"))


def test_teach_back_puts_missed_then_skipped_before_right_answers(content):
    items = content.knowledge
    right, wrong = items[0], items[1]
    session = Session(
        knowledge_answers={right.id: right.answer, wrong.id: (wrong.answer + 1) % len(wrong.choices)}
    )
    listed = teach_back(content, session)
    assert [t.correct for t in listed[:2]] == [False, None]
    assert listed[0].item_id == wrong.id
    assert listed[0].patient_answer == wrong.choices[(wrong.answer + 1) % len(wrong.choices)]
    assert listed[-1].item_id == right.id and listed[-1].correct is True
    assert len(listed) == len(items)


def test_an_out_of_range_answer_counts_as_not_answered(content):
    item = content.knowledge[0]
    listed = teach_back(content, Session(knowledge_answers={item.id: 99}))
    assert next(t for t in listed if t.item_id == item.id).correct is None


def test_daniels_points_name_his_doubts_readiness_and_role(content):
    daniel = read_session_file(SESSIONS / "daniel-hemophilia-b.json")
    points = points_for(content, daniel)
    assert content.text("clinician.point.unsure") in points
    not_ready = [item.text for item in content.readiness.readiness if daniel.readiness.get(item.id) is False]
    for text in not_ready:
        assert content.text("clinician.point.not_ready", item=text) in points
    assert any(p.startswith("How the patient wants to decide:") for p in points)


def test_a_leaning_and_a_crossed_limit_become_points_without_advice(content):
    limit = next(h for h in content.hard_limits if "hemgenix" in h.crossed_by)
    session = Session(
        profile=Profile(hemophilia_type="B"),
        leaning="hemgenix",
        hard_limits=[limit.id],
        importance={"needles": 3},
    )
    points = points_for(content, session)
    assert content.text("clinician.point.leaning", option="Hemgenix") in points
    crossed = [p for p in points if p.startswith("Hemgenix crosses")]
    assert len(crossed) == 1 and limit.statement in crossed[0]
    assert not any("should" in p.lower() or "recommend" in p.lower() for p in points)


def test_an_empty_session_says_nothing_was_answered_and_claims_nothing(content):
    points = points_for(content, Session())
    assert content.text("summary.fit.not_answered_type_unknown") in points
    assert not any(p.startswith(("Leaning", "How the patient", "Did not say yes", "Missed")) for p in points)


def test_the_patients_top_three_is_the_first_talking_point_in_their_order(content):
    chosen = [content.attributes[4].id, content.attributes[1].id, content.attributes[6].id]
    session = Session(
        profile=Profile(hemophilia_type="A"),
        importance={a.id: 2 for a in content.attributes},
        top_priorities=chosen,
    )
    by_id = {a.id: a.name for a in content.attributes}
    names = "; ".join(by_id[a] for a in chosen)
    assert points_for(content, session)[0] == content.text("clinician.point.top_three", attributes=names)
