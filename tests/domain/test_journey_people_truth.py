"""Issue 14: for each of its five people, nothing the aid shows is false for them.

The notes, the reasons an option is set apart, and the option cards they are shown are
checked against what is true for each person (tests/journey_people.py): the woman reads
no wording that assumes a man, the 16-year-old and the man with an inhibitor get no fit
for a gene therapy, and each sees the notes his or her answers call for.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from decisionaid.domain.content import STATEMENT_FIELDS
from decisionaid.domain.eligibility import for_type, standing
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.domain.tailoring import flag_notes
from tests.journey_people import ISSUE_14_PEOPLE, Person

TRIAL_WORDS = re.compile(r"trial|study|studies|screened|checked for|group|\d", re.IGNORECASE)
"""A sentence about men that also names a trial or a count is true to the trial ("54 men")."""


@pytest.fixture(scope="module")
def content():
    from decisionaid import locations
    from decisionaid.loader import load_content

    return load_content(locations.locale_root("en"))


def shown_texts(content, profile: Profile) -> list[str]:
    """Every sentence-bearing text this person is shown about the options."""
    texts: list[str] = []
    for note in flag_notes(content, profile):
        texts += [note.text, note.question, note.reason]
    for part in standing(content, profile)[1]:
        texts += list(part.reasons)
    for option in for_type(content, profile):
        for name in STATEMENT_FIELDS:
            texts += [s.text for s in getattr(option, name)]
        texts += [option.given, option.how_often, option.availability, option.body.patient]
    return texts


@pytest.mark.parametrize("person", ISSUE_14_PEOPLE, ids=lambda p: p.key)
def test_each_person_sees_the_notes_their_answers_call_for(content, person: Person):
    profile = Profile(**person.profile)
    raised = {n.flag.id for n in flag_notes(content, profile)}
    assert set(person.sees_notes) <= raised, set(person.sees_notes) - raised
    shown = {o.id for o in for_type(content, profile)}
    assert set(person.options_shown) <= shown and not set(person.options_hidden) & shown


WITH_NEVER_SCORED = [p for p in ISSUE_14_PEOPLE if p.never_scored]
WITH_NEVER_READS = [p for p in ISSUE_14_PEOPLE if p.never_reads]


def test_the_people_checked_below_include_those_gene_therapy_is_not_for():
    assert {p.key for p in WITH_NEVER_SCORED} >= {
        p.key
        for p in ISSUE_14_PEOPLE
        if p.profile.get("age_group") in ("under_12", "under_18")
        or p.profile.get("inhibitors") in ("now", "past")
    }
    assert WITH_NEVER_READS, "at least one person has phrases that would be false for them"


@pytest.mark.parametrize("person", WITH_NEVER_SCORED, ids=lambda p: p.key)
def test_no_option_the_licence_rules_out_gets_a_fit(content, person: Person):
    profile = Profile(**person.profile)
    scored = standing(content, profile)[0]
    assert not set(person.never_scored) & {o.id for o in scored}
    if profile.age_group in ("under_12", "under_18") or profile.inhibitors in ("now", "past"):
        assert scored and not [o for o in scored if o.kind == "gene-therapy"]


@pytest.mark.parametrize("person", WITH_NEVER_READS, ids=lambda p: p.key)
def test_nothing_shown_is_false_for_the_person(content, person: Person):
    texts = shown_texts(content, Profile(**person.profile))
    assert texts
    for phrase in person.never_reads:
        assert not [t for t in texts if phrase in t], phrase


def test_the_woman_reads_men_only_where_a_trial_counted_men(content):
    woman = next(p for p in ISSUE_14_PEOPLE if p.profile.get("sex") == "female")
    # A statement, or a paragraph of a card's text, is the unit: "He had other risks" follows
    # the sentence that names the trial man it is about.
    parts = [p for t in shown_texts(content, Profile(**woman.profile)) for p in t.split("\n\n")]
    about_men = [p for p in parts if re.search(r"\b(men|man|his|he|him)\b", p, re.IGNORECASE)]
    assert about_men, "the option cards report their trials' men"
    assert [p for p in about_men if not TRIAL_WORDS.search(p) and "a treated man" not in p] == []


@pytest.mark.parametrize("person", ISSUE_14_PEOPLE, ids=lambda p: p.key)
def test_the_summary_prints_each_persons_answers(content, person: Person):
    summary = build_summary(content, Session(profile=Profile(**person.profile)), dt.date(2026, 12, 1), "t")
    lines = {line.label: line.value for line in summary.profile}
    typed = lines[content.text("profile.q.hemophilia_type")]
    if person.profile["hemophilia_type"] == "not_sure":
        assert typed == content.text("summary.type_not_known")
    else:
        assert typed == person.type_label
    for field in ("sex", "region", "hiv"):
        assert content.text(f"profile.q.{field}") in lines
