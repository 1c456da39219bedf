"""The discussion summary built from real content and the two sample sessions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decisionaid.domain.content import in_shown_order
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import UserText, build_summary, suggested_questions

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
TODAY = dt.date(2026, 11, 22)


def session(name: str) -> Session:
    return Session.model_validate_json((SESSIONS / f"{name}.json").read_text())


def test_daniel_sees_hemophilia_b_options_in_a_fixed_order_that_his_answers_do_not_change(content):
    daniel = session("daniel-hemophilia-b")
    summary = build_summary(content, daniel, TODAY, "0.1.0")
    names = [f.option for f in summary.fits]
    assert content.option("hemgenix").name in names
    assert content.option("roctavian").name not in names
    turned = daniel.model_copy(update={"importance": {a: 4 - w for a, w in daniel.importance.items()}})
    assert [f.option for f in build_summary(content, turned, TODAY, "0.1.0").fits] == names
    # The order is the Options page's, not the fit's (the old summary sorted best first).
    order = [o.name for o in in_shown_order(content.options, daniel.profile.current_treatment)]
    assert names == sorted(names, key=order.index)
    assert summary.priorities[0].importance == 4


def test_ray_sees_his_limit_crossed_by_gene_therapy_and_his_own_words(content):
    summary = build_summary(content, session("ray-hemophilia-a"), TODAY, "0.1.0")
    roctavian = next(f for f in summary.fits if f.option == content.option("roctavian").name)
    assert roctavian.limits_crossed == ("I could not accept a treatment that cannot be undone.",)
    assert summary.hard_limits == roctavian.limits_crossed
    assert summary.role.startswith("I want")
    own = [q.text for q in summary.questions if q.origin == "own"]
    assert own == [UserText(session("ray-hemophilia-a").own_questions[0])]
    assert "1983" in summary.notes.text


def test_questions_come_from_notes_and_concerns_before_the_persons_own(content):
    s = session("daniel-hemophilia-b")
    summary = build_summary(content, s, TODAY, "0.1.0")
    origins = [q.origin for q in summary.questions]
    assert origins.index("own") > origins.index("flag")
    assert "concern" in origins


def test_only_ticked_suggestions_are_kept_once_the_person_has_chosen(content):
    s = session("daniel-hemophilia-b")
    first = suggested_questions(content, s)[0]
    s.questions_chosen = [first.id]
    summary = build_summary(content, s, TODAY, "0.1.0")
    assert [q.text for q in summary.questions if q.origin != "own"] == [first.text]


def test_an_empty_session_still_makes_a_summary_that_says_so(content):
    summary = build_summary(content, Session(), TODAY, "0.1.0")
    assert not summary.fit_available
    # Nothing rated and no type: both are said, the type first, since rating alone shows no fit (R8-7).
    assert summary.fit_notes == (
        content.text("summary.fit.type_unknown"),
        content.text("summary.fit.not_answered_type_unknown"),
    )
    assert summary.leaning == summary.empty
    assert summary.knowledge is None and summary.readiness_note is None


def test_a_missed_knowledge_item_is_explained_without_citation_marks(content):
    summary = build_summary(content, session("daniel-hemophilia-b"), TODAY, "0.1.0")
    # Out of the questions for his type (B): the 8 for both types and the 2 for B only.
    assert summary.knowledge.value.startswith("6 of 10")
    assert summary.knowledge_misses and "[@" not in summary.knowledge_misses[0]


def test_readiness_with_a_no_suggests_talking_it_through(content):
    daniel = build_summary(content, session("daniel-hemophilia-b"), TODAY, "0.1.0")
    ray = build_summary(content, session("ray-hemophilia-a"), TODAY, "0.1.0")
    assert daniel.readiness_note and ray.readiness_note is None


def test_every_label_comes_from_the_content(content):
    summary = build_summary(content, session("daniel-hemophilia-b"), TODAY, "0.1.0")
    shown = [*summary.headings.values(), *summary.labels.values(), summary.title, summary.disclaimer]
    shown += [p.label for p in summary.profile] + [p.value for p in summary.profile]
    assert not [s for s in shown if s.startswith(("summary.", "profile.", "importance."))]


def test_a_session_scoring_an_attribute_the_content_no_longer_has_still_summarises(content):
    s = Session(importance={content.attributes[0].id: 3, "retired_attribute": 4})
    summary = build_summary(content, s, TODAY, "0.1.0")
    assert [p.attribute for p in summary.priorities] == [content.attributes[0].name]


def test_an_unanswered_session_is_not_told_it_marked_everything_unimportant(content):
    typed = Profile(hemophilia_type="A")
    fresh = build_summary(content, Session(profile=typed), TODAY, "0.1.0")
    zeros = build_summary(
        content, Session(profile=typed, importance={a.id: 0 for a in content.attributes}), TODAY, "0.1.0"
    )
    assert fresh.fit_notes == (content.text("summary.fit.not_answered"),)
    assert zeros.fit_notes == (content.text("summary.fit.nothing_matters"),)


def test_readiness_answers_the_content_does_not_know_raise_no_warning(content):
    summary = build_summary(content, Session(readiness={"zz": True}), TODAY, "0.1.0")
    assert summary.readiness_note is None


def test_with_equal_ratings_the_suggested_questions_name_the_grids_first_three_priorities(content):
    rated = Session(profile=Profile(hemophilia_type="B"), importance={a.id: 3 for a in content.attributes})
    summary = build_summary(content, rated, dt.date(2026, 12, 1), "test")
    asked = [q.text for q in suggested_questions(content, rated) if q.id.startswith("priority:")]
    assert asked == [
        content.text("question.priority", attribute=name) for name in summary.grid_priorities[:3]
    ]


def test_the_banner_says_not_yet_clinically_reviewed_while_no_clinician_has_signed_it_off(content):
    assert content.about.clinical_signoff is None
    banner = build_summary(content, Session(), TODAY, "t").banner
    assert any("not yet clinically reviewed" in line.lower() for line in banner)
    text = " ".join(banner)
    assert content.about.written_by in text
    assert content.about.evidence_searched.isoformat() in text
    assert content.about.content_date.isoformat() in text
    assert content.about.funding in text and content.about.conflicts in text


def test_the_banner_names_the_clinician_once_a_sign_off_is_recorded(content):
    from decisionaid.domain.content import ClinicalSignoff

    signoff = ClinicalSignoff(
        by="Dr A. Example",
        credentials="consultant haematologist at a hemophilia centre",
        interests="Speaker fees from one maker of factor IX in 2025.",
        date=dt.date(2026, 12, 1),
    )
    about = content.about.model_copy(update={"clinical_signoff": signoff})
    banner = build_summary(content.model_copy(update={"about": about}), Session(), TODAY, "t").banner
    assert not any("not yet clinically reviewed" in line.lower() for line in banner)
    # IPDAS QI21: the reviewer's name, credentials and declared interests, in short.
    assert any(
        "Dr A. Example" in line
        and "2026-12-01" in line
        and "consultant haematologist at a hemophilia centre" in line
        and "Speaker fees from one maker of factor IX in 2025." in line
        for line in banner
    ), banner


def test_a_sign_off_without_credentials_or_a_declaration_of_interests_is_refused():
    from pydantic import ValidationError

    from decisionaid.domain.content import ClinicalSignoff

    with pytest.raises(ValidationError, match="credentials"):
        ClinicalSignoff.model_validate({"by": "Dr A. Example", "interests": "None", "date": "2026-12-01"})
    with pytest.raises(ValidationError, match="interests"):
        ClinicalSignoff.model_validate(
            {"by": "Dr A. Example", "credentials": "consultant", "date": "2026-12-01"}
        )
