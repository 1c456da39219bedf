"""The knowledge check: tailored to the person's type, plausible wrong answers, each sourced,
and on the summary each question with his answer and whether it was right."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.clinician import teach_back
from decisionaid.domain.content import STRONG_KINDS
from decisionaid.domain.knowledge import knowledge_for, knowledge_lines
from decisionaid.domain.references import strip_citations
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary

TODAY = dt.date(2026, 12, 1)
IMPLAUSIBLE = ("new liver", "over 60", "every 5 years", "high results are ignored")
"""Wrong answers the IPDAS audit (section 6, item 10) named as giving the answer away."""


@pytest.mark.parametrize("kind, other", [("A", "B"), ("B", "A")])
def test_a_reader_of_one_type_never_gets_a_question_for_the_other_type_only(content, kind, other):
    asked = knowledge_for(content, Profile(hemophilia_type=kind))
    assert asked and all(k.applies_to in (kind, "both") for k in asked)
    assert any(k.applies_to == kind for k in asked), f"no question for type {kind} alone"
    ids = {k.id for k in asked}
    assert not ids & {k.id for k in content.knowledge if k.applies_to == other}


@pytest.mark.parametrize("kind", [None, "not_sure"])
def test_a_person_not_sure_of_his_type_gets_both_types_questions(content, kind):
    assert knowledge_for(content, Profile(hemophilia_type=kind)) == list(content.knowledge)


def test_the_summary_counts_right_answers_out_of_the_questions_he_was_asked(content):
    a = Profile(hemophilia_type="A")
    asked = knowledge_for(content, a)
    answers = {k.id: k.answer for k in asked}
    b_only = next(k for k in content.knowledge if k.applies_to == "B")
    answers[b_only.id] = b_only.answer  # saved when he said B, then he changed to A
    summary = build_summary(content, Session(profile=a, knowledge_answers=answers), TODAY, "t")
    assert summary.knowledge.value.startswith(f"{len(asked)} of {len(asked)}")
    assert b_only.question not in [line.question for line in summary.knowledge_lines]
    assert b_only.id not in [t.item_id for t in teach_back(content, Session(profile=a))]


def test_each_question_prints_with_his_answer_and_whether_it_was_right(content):
    profile = Profile(hemophilia_type="B")
    asked = knowledge_for(content, profile)
    right, wrong, skipped = asked[0], asked[1], asked[2]
    answers = {right.id: right.answer, wrong.id: (wrong.answer + 1) % len(wrong.choices)}
    lines = knowledge_lines(content, Session(profile=profile, knowledge_answers=answers))
    assert [line.question for line in lines] == [k.question for k in asked]
    t = content.text
    assert (lines[0].answer, lines[0].verdict, lines[0].right) == (
        right.choices[right.answer],
        t("knowledge.right"),
        True,
    )
    assert (lines[1].answer, lines[1].verdict, lines[1].right) == (
        wrong.choices[answers[wrong.id]],
        t("knowledge.wrong"),
        False,
    )
    assert lines[1].right_answer == wrong.choices[wrong.answer]
    assert (lines[2].answer, lines[2].verdict, lines[2].right) == (
        t("summary.empty"),
        t("knowledge.not_answered"),
        None,
    )
    assert skipped.id not in answers


def test_an_answer_out_of_range_in_a_hand_edited_file_counts_as_not_answered(content):
    item = content.knowledge[0]
    lines = knowledge_lines(content, Session(knowledge_answers={item.id: 99}))
    assert lines[0].right is None


def test_every_question_has_at_least_three_answers_and_a_source_strong_enough_for_its_numbers(content):
    for item in content.knowledge:
        assert len(item.choices) >= 3, item.id
        assert item.sources and all(s in content.sources for s in item.sources), item.id
        text = " ".join([item.question, *item.choices, strip_citations(item.explanation)])
        if any(c.isdigit() for c in text):
            kinds = {content.sources[s].kind for s in item.sources}
            assert kinds & STRONG_KINDS, (
                f"{item.id} gives numbers on no label, trial, guideline, HTA or review"
            )


def test_no_wrong_answer_gives_the_right_one_away(content):
    for item in content.knowledge:
        for choice in item.choices:
            assert not any(bad in choice.lower() for bad in IMPLAUSIBLE), (item.id, choice)


def test_the_check_covers_the_comparators_not_only_gene_therapy(content):
    text = " ".join(k.question + " " + " ".join(k.choices) for k in content.knowledge)
    for name in ("Hemlibra", "Qfitlia", "factor VIII", "factor IX"):
        assert name in text, f"no question on {name}"


def test_someone_for_whom_gene_therapy_is_ruled_out_gets_no_gene_therapy_questions(content):
    """Review R4-12: Omar (an inhibitor now) and Jake (16) were asked six gene-therapy questions."""
    gene = {k.id for k in content.knowledge if {"hemgenix", "roctavian"} & set(k.about)}
    assert len(gene) >= 6
    for profile in (
        Profile(hemophilia_type="A", inhibitors="now", current_treatment="emicizumab"),
        Profile(hemophilia_type="B", age_group="under_18"),
    ):
        asked = {k.id for k in knowledge_for(content, profile)}
        assert not asked & gene, (profile, asked & gene)
        assert asked, profile
    # With an inhibitor now, factor VIII is not for him: no factor VIII question either.
    omar = {k.id for k in knowledge_for(content, Profile(hemophilia_type="A", inhibitors="now"))}
    assert "factor8_half_life" not in omar
    # An adult without inhibitors still gets them.
    assert gene <= {k.id for k in knowledge_for(content, Profile(hemophilia_type="A"))} | {"hemgenix_bleeds"}


def test_every_option_a_question_is_about_exists(content):
    ids = {o.id for o in content.options}
    for item in content.knowledge:
        assert set(item.about) <= ids, item.id
