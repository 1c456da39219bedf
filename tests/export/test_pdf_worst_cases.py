"""Any text the app accepts, and any session file, becomes a PDF in under two seconds.

The reliability report (2026-11, M5) measured 12 s for right-to-left notes at the
app's own field limits and more than 300 s for 1 MB of mixed scripts. The time
is the CPU time of this process, so that other work on the machine does not count.
"""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader

from decisionaid.export.pdf import render_pdf
from tests.export.sample import sample_summary
from tests.export.worst_cases import (
    alternating,
    at_field_limits,
    latin,
    many_scripts,
    right_to_left,
)

SECONDS = 2.0
SHORTENED = "(text shortened, see the saved session)"


def timed_pdf(summary) -> tuple[bytes, float]:
    start = time.process_time()
    pdf = render_pdf(summary)
    return pdf, time.process_time() - start


def last_page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(reader.pages[-1].extract_text().split())


@pytest.mark.parametrize("text", [right_to_left, many_scripts, alternating], ids=lambda t: t.__name__)
def test_notes_and_questions_at_the_field_limits_make_a_pdf_in_under_two_seconds(text):
    pdf, seconds = timed_pdf(at_field_limits(text))
    assert pdf.startswith(b"%PDF")
    assert seconds < SECONDS


def test_right_to_left_words_thousands_of_letters_long_make_a_pdf_in_under_two_seconds():
    pdf, seconds = timed_pdf(at_field_limits(lambda length: ("مرحبا" * length)[:length]))
    assert pdf.startswith(b"%PDF")
    assert seconds < SECONDS


@pytest.mark.parametrize("text", [latin, many_scripts], ids=lambda t: t.__name__)
def test_a_megabyte_of_notes_from_a_session_file_makes_a_pdf_in_under_two_seconds_and_says_so(text):
    pdf, seconds = timed_pdf(sample_summary(notes=text(1_000_000)))
    assert seconds < SECONDS
    assert SHORTENED in last_page_text(pdf) or SHORTENED in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages
    )
