"""The Markdown and HTML summary print deciding with others: the knowledge questions with the
answers, the next steps, the leaning change, who is involved and their view as typed."""

from __future__ import annotations

import datetime as dt
import html
import re

import markdown as python_markdown
import pytest

from decisionaid.domain.knowledge import knowledge_for
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown

TODAY = dt.date(2026, 12, 1)


def shown(md: str) -> str:
    """What a reader sees of the Markdown: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", python_markdown.markdown(md, extensions=["tables"])))


def section(md: str, heading: str) -> str:
    start = md.index(f"## {heading}\n")
    end = md.find("\n## ", start + 1)
    return md[start:end]


def test_each_knowledge_question_prints_with_the_answer_and_the_verdict(content):
    profile = Profile(hemophilia_type="A")
    asked = knowledge_for(content, profile)
    wrong = (asked[0].answer + 1) % len(asked[0].choices)
    session = Session(profile=profile, knowledge_answers={asked[0].id: wrong, asked[1].id: asked[1].answer})
    md = render_markdown(build_summary(content, session, TODAY, "t"))
    part = shown(section(md, content.text("summary.h.knowledge")))
    t = content.text
    assert all(k.question in part for k in asked)
    assert f"{asked[0].choices[wrong].rstrip('.')}. {t('knowledge.wrong')}" in part
    assert f"{t('knowledge.right_answer')}: {asked[0].choices[asked[0].answer]}" in part
    assert f"{asked[1].choices[asked[1].answer].rstrip('.')}. {t('knowledge.right')}" in part
    assert ".." not in part.replace("...", "")
    assert not any(k.question in part for k in content.knowledge if k.applies_to == "B")


def test_next_steps_leaning_change_and_others_print_under_their_own_headings(content):
    session = Session(
        readiness={"enough_support": False},
        others_involved=["partner"],
        others_prefer={"partner": "not_sure"},
        pressure="yes",
        start_leaning="not_sure",
        start_certainty="a_little",
        leaning="current",
        certainty="very",
    )
    summary = build_summary(content, session, TODAY, "t")
    md = render_markdown(summary)
    t = content.text
    steps = shown(section(md, t("summary.h.next_steps")))
    assert f"{t('next.talk_with')}: {t('next.person.partner')}" in steps
    assert t("next.pressure") in steps
    assert summary.leaning_change in shown(section(md, t("summary.h.leaning")))
    others = shown(section(md, t("summary.h.others")))
    assert t("others.prefer", who=t("others.whom.partner")) in others
    assert t("others.prefer.not_sure") in others
    assert md.count("\n## ") == len(summary.headings) + bool(summary.outcomes_title) + (
        summary.grid is not None
    )


@pytest.mark.parametrize(
    "view",
    [
        "زوجتي تفضل الانتظار سنة\nسطر ثانٍ",
        "She says *wait* <script>alert(1)</script> [here](http://x) # not a heading",
        "אבא אומר: hemgenix? 🦶 \\ `x`",
    ],
    ids=["rtl", "markup", "mixed"],
)
def test_a_partners_view_prints_exactly_as_typed_never_as_markup(content, view):
    summary = build_summary(content, Session(others_view=view), TODAY, "t")
    md = render_markdown(summary)
    part = shown(section(md, content.text("summary.h.others")))
    for line in view.splitlines():
        assert line.strip() in part
    assert "<script" not in render_html(summary).lower()
