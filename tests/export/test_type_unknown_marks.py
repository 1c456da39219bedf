"""Review R9-1 on paper: with the type not given, an option that waits for it still carries
the marks of his own limits and its care-team notes, in the PDF, Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import DiscussionSummary, build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf


@pytest.fixture(scope="module")
def summary(content) -> DiscussionSummary:
    """A man who skipped his type, with liver trouble, a past inhibitor and two limits."""
    profile = Profile(
        sex="male",
        age_group="18_to_64",
        severity="severe",
        inhibitors="never",
        liver_problems="yes",
        current_treatment="emicizumab",
    )
    session = Session(profile=profile, hard_limits=["cannot_undo"], importance={"needles": 4})
    return build_summary(content, session, dt.date(2026, 12, 1), "test")


def _expected(content) -> tuple[str, str]:
    limit = next(h.statement for h in content.hard_limits if h.id == "cannot_undo")
    liver = next(f.title for f in content.flags if f.id == "liver_disease")
    return f"Crosses your limit: {limit}", liver


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_markdown_lists_the_limit_and_notes_under_each_option_that_waits_for_the_type(content, summary):
    limit, liver = _expected(content)
    md = render_markdown(summary)
    apart = md.split(summary.labels["apart_title"], 1)[1]
    roctavian = apart.split("**Roctavian**", 1)[1].split("\n- ", 1)[0]
    assert limit in roctavian
    assert re.search(rf"Ask your care team: [^\n]*{liver}", roctavian)
    # Nested under its option, so the HTML shows them as that option's list.
    html = render_html(summary)
    assert re.search(r"Roctavian.*?<ul>\s*<li>Crosses your limit", html, re.S)


def test_the_pdf_prints_the_limit_and_notes_under_the_options_not_scored(content, summary):
    limit, liver = _expected(content)
    reader = PdfReader(io.BytesIO(render_pdf(summary)))
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    apart = text.split(summary.labels["apart_title"], 1)[1]
    # Both gene therapies wait for the type; each carries the limit.
    assert apart.count(limit) >= 2
    assert liver in apart.split("Ask your care team:", 1)[1]
