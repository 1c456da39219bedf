"""The alignment grid on paper says what its words are measured against (review M5-1).

"Good", "mixed" and "poor" are swing-rescaled across the options shown: "good" means near
the best of them, not good on its own. The fit screen says so above the grid
(`fit.grid_intro`); the PDF, the Markdown and the HTML must say it too, above the grid,
or a man with an inhibitor reads "good" on clots beside a boxed warning about him.
"""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf
from tests.export.sample import inhibitor_case_summary
from tests.export.test_pdf_accessible import text_of

MEASURED_AGAINST = "compared with the options shown here"


def _man_with_an_inhibitor_now(content):
    return inhibitor_case_summary(content)


def test_the_grid_key_in_content_says_what_good_mixed_and_poor_are_measured_against(content):
    assert MEASURED_AGAINST in content.text("summary.grid_key")


def test_the_pdf_prints_the_grid_key_between_the_grid_title_and_the_grid(content):
    summary = _man_with_an_inhibitor_now(content)
    assert summary.grid_priorities
    text = text_of(render_pdf(summary))
    key = " ".join(summary.labels["grid_key"].split())
    assert MEASURED_AGAINST in text
    title = text.index(summary.labels["grid_title"])
    assert title < text.index(key) < text.index(summary.grid_priorities[0], title)


def test_the_markdown_and_html_print_the_grid_key_right_under_the_grid_heading(content):
    summary = _man_with_an_inhibitor_now(content)
    key = summary.labels["grid_key"]
    md = render_markdown(summary)
    assert f"### {summary.labels['grid_title']}\n\n{key}\n" in md
    assert MEASURED_AGAINST in render_html(summary)


def test_no_grid_no_key(content):
    summary = build_summary(content, Session(), dt.date(2026, 12, 1), "t")
    assert not summary.grid_priorities
    assert MEASURED_AGAINST not in render_markdown(summary)
    assert MEASURED_AGAINST not in text_of(render_pdf(summary))
