"""Any text the app accepts, and any session file, becomes a PDF that says what it left out.

The reliability report (2026-11, M5) measured 12 s for right-to-left notes at the
app's own field limits and more than 300 s for 1 MB of mixed scripts. How long
these take is a benchmark (`benchmarks/worst_cases.py`, a ratio against the sample
summary in the same run); these tests check what the PDF holds.
"""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from decisionaid.domain.summary import UserText
from decisionaid.export.pdf import render_pdf
from tests.export.sample import sample_summary
from tests.export.worst_cases import (
    alternating,
    at_field_limits,
    latin,
    many_scripts,
    right_to_left,
)

SHORTENED = "(text shortened, see the saved session)"


def last_page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(reader.pages[-1].extract_text().split())


@pytest.mark.parametrize("text", [right_to_left, many_scripts, alternating], ids=lambda t: t.__name__)
def test_notes_and_questions_at_the_field_limits_make_a_pdf_of_more_than_one_page(text):
    pdf = render_pdf(at_field_limits(text))
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_right_to_left_words_thousands_of_letters_long_make_a_pdf():
    pdf = render_pdf(at_field_limits(lambda length: ("مرحبا" * length)[:length]))
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2


@pytest.mark.parametrize("text", [latin, many_scripts], ids=lambda t: t.__name__)
def test_a_megabyte_of_notes_from_a_session_file_makes_a_pdf_that_says_it_is_shortened(text):
    pdf = render_pdf(sample_summary(notes=text(1_000_000)))
    assert SHORTENED in last_page_text(pdf) or SHORTENED in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_a_megabyte_partners_view_from_a_session_file_is_shortened_like_the_notes():
    summary = dataclasses.replace(
        sample_summary(),
        headings={**sample_summary().headings, "others": "Who else is involved"},
        others_view=UserText(latin(1_000_000)),
    )
    pdf = render_pdf(summary)
    assert SHORTENED in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
