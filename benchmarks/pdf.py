"""In-process PDF timings: the sample summary against a one-page Typst "hello"."""

from __future__ import annotations

import typst

from decisionaid.export.pdf import render_pdf
from tests.export.sample import sample_summary

PDF_BUDGET_SECONDS = 0.060
"""The performance issue's budget for the sample summary, in-process, once warm."""
HELLO_SCRIPT = "import typst\ntypst.compile(b'hello', ignore_system_fonts=True)\n"
"""The same baseline as a script, for timing a cold process."""

_HELLO = typst.Compiler(ignore_system_fonts=True)


def hello_pdf() -> bytes:
    """The baseline: a one-page PDF saying "hello" in Typst's own font, from a warm compiler."""
    pdf = _HELLO.compile(input=b"hello")
    assert isinstance(pdf, bytes)
    return pdf


def sample_pdf() -> bytes:
    """The measured work: the sample discussion summary rendered as A4."""
    return render_pdf(sample_summary())


def session_summary_pdf_maker():
    """A function rendering the summary of the sample session file, or None while that cannot be built.

    This goes through the loader, storage and domain, whose interfaces may still change;
    the benchmark then reports the row as not available rather than failing.
    """
    try:
        import datetime as dt

        from benchmarks.processes import SESSION
        from decisionaid import __version__, locations
        from decisionaid.domain.summary import build_summary
        from decisionaid.loader import load_content
        from decisionaid.storage import read_session_file

        content = load_content(locations.locale_root())
        summary = build_summary(content, read_session_file(SESSION), dt.date(2026, 11, 22), __version__)
    except Exception:  # any failure means "not available yet" for this optional row
        return None
    return lambda: render_pdf(summary)
