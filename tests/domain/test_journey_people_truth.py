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


@pytest.mark.parametrize("hemophilia_type", ["A", "B"])
def test_the_reasons_behind_a_womans_fit_speak_of_men_only_where_a_trial_counted_men(
    content, hemophilia_type
):
    # The fit page reads out each scored option's reasons, and the doses chart its notes: a
    # woman reading "some men go back to factor" or "levels differ from man to man" is told
    # the option is for men. Each sentence is the unit here: the trial it names, or its count.
    woman = Profile(hemophilia_type=hemophilia_type, severity="severe", sex="female", age_group="18_to_64")
    sentences = [
        (option.id, sentence)
        for option in standing(content, woman)[0]
        for text in (
            *(a.reason for a in option.attributes.values()),
            option.doses_per_year.note if option.doses_per_year else "",
        )
        for sentence in re.split(r"(?<=[.;:])\s+", text)
    ]
    about_men = [(o, s) for o, s in sentences if re.search(r"\b(men|man|his|he|him)\b", s, re.IGNORECASE)]
    assert about_men, "the reasons report their trials' men"
    assert [(o, s) for o, s in about_men if not TRIAL_WORDS.search(s) and "a treated man" not in s] == []


def test_the_uk_man_on_factor_viii_reads_hemlibras_uk_licence_line(content):
    # Review R4-10: a UK man was told the aid holds no UK licence line for Hemlibra. The UK
    # SmPC on emc (the UK's own compendium of labels) gives its indication; he reads it.
    george = next(p for p in ISSUE_14_PEOPLE if p.profile.get("region") == "uk")
    notes = [n for n in flag_notes(content, Profile(**george.profile)) if n.flag.id == "where_you_live"]
    hemlibra = next(n for n in notes if n.option_ids == ("emicizumab",))
    assert hemlibra.text.startswith("United Kingdom: licensed")
    assert "inhibitors" in hemlibra.text


def test_the_readings_and_the_numbers_say_person_to_person_not_man_to_man(content):
    # Learn's readings and each option's table of bleeds and harms are read by women too:
    # "levels vary from man to man" and "some men need steroids" speak of men in general,
    # outside any trial. (Sentences that report a trial's men stay as they are.)
    texts = [m.body.patient for m in content.modules] + [
        note
        for outcome in content.outcomes
        for row in (*outcome.bleeds, *outcome.harms)
        if (note := row.note) is not None
    ]
    for phrase in ("vary a lot from man to man", "some men need steroids"):
        assert not [t for t in texts if phrase in t], phrase
