"""Answers about features or limits the content no longer has are said to be set aside,
in every format, never dropped without a word (third model review, M3-16)."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf
from tests.export.test_pdf_accessible import text_of

TODAY = dt.date(2026, 12, 1)


def said(text: str) -> str:
    return " ".join(text.split())


def test_ratings_and_limits_this_version_no_longer_asks_are_counted_and_said_in_every_format(content):
    attribute = content.attributes[0].id
    session = Session(
        importance={attribute: 3, "a_feature_retired_long_ago": 4, "another_retired_one": 1},
        hard_limits=["a_limit_retired_long_ago"],
    )
    summary = build_summary(content, session, TODAY, "t")
    assert summary.set_aside == content.text("summary.set_aside", count=3)
    for text in (said(text_of(render_pdf(summary))), render_markdown(summary), render_html(summary)):
        assert said(summary.set_aside) in said(text)


def test_a_session_of_this_version_has_nothing_set_aside(content):
    attribute = content.attributes[0].id
    summary = build_summary(content, Session(importance={attribute: 3}), TODAY, "t")
    assert summary.set_aside == ""
    assert content.text("summary.set_aside_label") not in render_markdown(summary)
