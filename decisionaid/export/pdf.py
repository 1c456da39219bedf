"""The discussion summary as a PDF: a calm, printable, accessible document to bring to the clinic.

It renders one `DiscussionSummary` and nothing else: every word comes from the
summary, and the few small layout words it needs come from `summary.labels`
(English defaults in `wording.LABELS`). `pdf_data.py` and `pdf_fit_data.py`
turn the summary into plain data; Typst lays it out with `summary.typ` and
writes a tagged PDF that meets the machine-checkable part of PDF/UA-1
(headings, paragraphs, lists, tables with header cells, figures with
alternative text, language and title). The person's words reach Typst only as
JSON data (`sys.inputs`), never as markup, so nothing they type can run. Only
the fonts in assets/fonts are used, subset per document. Text longer than a
PDF prints ends with the `shortened` label (see `text.py`).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.fonts import fonts_dir
from decisionaid.export.option_grid import grid_section
from decisionaid.export.pdf_data import SECTIONS, Cleaner, Data, made_line
from decisionaid.export.pdf_fit_data import fit_section
from decisionaid.export.pdf_more_data import next_steps_section, others_section, outcomes_section
from decisionaid.export.text import shortened_for_print
from decisionaid.export.wording import LABELS, fixed_words

if TYPE_CHECKING:
    import typst

__all__ = ["LABELS", "Paper", "pdf_available", "render_pdf"]

Paper = Literal["a4", "letter"]

TEMPLATE = Path(__file__).with_name("summary.typ")
_MAKERS = {
    **SECTIONS,
    "fit_available": fit_section,
    "grid": grid_section,
    "outcomes": outcomes_section,
    "next_steps": next_steps_section,
    "others": others_section,
}
ORDER = (
    "title",
    "profile",
    "priorities",
    "hard_limits",
    "fit_available",
    "grid",
    "outcomes",
    "knowledge",
    "readiness",
    "next_steps",
    "leaning",
    "role",
    "others",
    "questions",
    "notes",
    "clinician_notes",
    "sources",
    "disclaimer",
)
"""The printed order of the sections (by the field that opens each), as in `markdown_html.py`."""
# One compiler per process keeps the fonts loaded and Typst's caches warm; it is not
# made for two threads at once (the app builds PDFs in a worker thread).
_COMPILING = threading.Lock()


def pdf_available() -> bool:
    """Whether this build can make PDFs: `typst` has wheels for Linux, macOS and Windows, none
    for Android or iOS, where the HTML and Markdown summaries stand in (see the README)."""
    return importlib.util.find_spec("typst") is not None


def render_pdf(summary: DiscussionSummary, paper: Paper = "a4") -> bytes:
    """The summary as PDF bytes, on A4 or US Letter paper, tagged for PDF/UA-1.

    Each of the person's texts is printed up to `text.PRINTED_CHARACTERS`
    characters, so that any session makes a PDF in well under two seconds.
    The same summary always gives the same bytes."""
    summary = shortened_for_print(summary, fixed_words(summary, "shortened"))
    data = json.dumps(document_data(summary, paper), ensure_ascii=False)
    created = dt.datetime.combine(summary.created, dt.time(), tzinfo=dt.UTC)
    inputs = {"data": data}
    import typst  # here, not at the top: a phone build has no typst and must still import this

    with _COMPILING:
        compiler = _compiler()
        try:
            pdf = compiler.compile(sys_inputs=inputs, pdf_standards=["ua-1"], timestamp=created)
        except typst.TypstError:
            # Typst refuses a PDF/UA-1 file it cannot make conform (a rule some text breaks
            # in a way the tests have not met): the person still gets the summary, tagged,
            # only without the PDF/UA claim.
            pdf = compiler.compile(sys_inputs=inputs, timestamp=created)
    assert isinstance(pdf, bytes)  # one PDF, not a list of pages
    return pdf


def banner_lines(summary: DiscussionSummary) -> tuple[str, ...]:
    """The first-page banner (content date, evidence search date, authors and reviewers,
    funding, review status), printed under the title."""
    return summary.banner


def document_data(summary: DiscussionSummary, paper: Paper) -> Data:
    """Everything the template prints, with the document's metadata, as JSON-ready data."""
    clean = Cleaner(summary)
    made = (_MAKERS[name](summary, clean) for name in ORDER)
    sections = [section for section in made if section is not None]
    return {
        "lang": summary.language,
        "title": clean(summary.title),
        "subtitle": clean(summary.subtitle),
        "keywords": [f"content {summary.content_version}"],
        "date": [summary.created.year, summary.created.month, summary.created.day],
        "paper": "a4" if paper == "a4" else "us-letter",
        "made": clean(made_line(summary)),
        "page_of": clean(fixed_words(summary, "page_of")),
        "disclaimer": clean(summary.disclaimer),
        "banner": [clean(line) for line in banner_lines(summary)],
        "sections": sections,
    }


@cache
def _compiler() -> typst.Compiler:
    import typst

    # No system and no built-in fonts: every PDF looks the same on every machine.
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(fonts_dir())]
    )
    return typst.Compiler(
        str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=fonts, ignore_system_fonts=True
    )
