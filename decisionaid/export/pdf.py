"""The discussion summary as a PDF: a calm, printable document to bring to the clinic.

It renders one `DiscussionSummary` and nothing else: every word comes from the
summary, and the few small layout words it needs come from `summary.labels`
(English defaults in `pdf_document.LABELS`). Its sections are laid out here
with the building blocks of `pdf_document.SummaryDocument`. Text longer than a
PDF prints ends with the `shortened` label (see `text.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.pdf_document import (
    ACCENT,
    BAR,
    HEADING_HEIGHT,
    LABELS,
    LINE,
    MUTED,
    SOURCE_PT,
    WHITE,
    Paper,
    SummaryDocument,
    fixed_words,
    made_line,
    with_colon,
    words_of,
)
from decisionaid.export.pdf_fit import fit_section
from decisionaid.export.text import shortened_for_print

__all__ = ["LABELS", "Paper", "render_pdf"]


def render_pdf(summary: DiscussionSummary, paper: Paper = "a4") -> bytes:
    """The summary as PDF bytes, on A4 or US Letter paper.

    Each of the person's texts is printed up to `text.PRINTED_CHARACTERS`
    characters, so that any session makes a PDF in well under two seconds."""
    summary = shortened_for_print(summary, fixed_words(summary, "shortened"))
    pdf = SummaryDocument(summary, paper)
    for name in (f.name for f in fields(DiscussionSummary)):
        section = _SECTIONS.get(name)
        if section is not None:
            section(pdf, summary)
    return bytes(pdf.output())


# --- sections, in the order of DiscussionSummary's fields ---------------------


def _title_block(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.set_fill_color(*ACCENT)
    pdf.rect(pdf.l_margin, 16, 14, 1.6, style="F")
    pdf.set_y(20)
    pdf.paragraph(summary.title, size=18, bold=True, gap=1)
    pdf.paragraph(summary.subtitle, size=10.5, color=MUTED, gap=1.5)
    pdf.paragraph(made_line(summary), size=8.5, color=MUTED, gap=2.5)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.y, pdf.w - pdf.r_margin, pdf.y)
    pdf.ln(2)


def _profile(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["about_you"])
    if summary.profile:
        pdf.facts(summary.profile)
    else:
        pdf.nothing(summary.empty)


def _priorities(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """The top three, then each rating with four pips filled up to its importance and the
    importance in words; apart from them, what is not important and what is not answered."""
    pdf.heading(summary.headings["priorities"])
    top = "; ".join(summary.top_three) if summary.top_three else fixed_words(summary, "no_top_three")
    pdf.paragraph(f"{with_colon(fixed_words(summary, 'top_three'))} {top}", bold=True, gap=2)
    if not summary.priorities:
        pdf.nothing(summary.empty)
    pips_x = pdf.l_margin + pdf.epw * 0.55
    label_x = pips_x + 24
    for rank, priority in enumerate(summary.priorities, start=1):
        pdf.keep(9)
        top_y = pdf.y + 0.6
        pdf.style(bold=True)
        pdf.set_xy(pdf.l_margin, top_y)
        pdf.cell(7, 6, f"{rank}.")
        pdf.text(pips_x - pdf.l_margin - 10, 6, priority.attribute, next_line=False)
        bottom = pdf.y
        pdf.set_draw_color(*BAR)
        pdf.set_line_width(0.3)
        for step in range(4):
            pdf.set_fill_color(*(BAR if step < priority.importance else WHITE))
            pdf.rect(
                pips_x + step * 5, top_y + 1.4, 3.4, 3.4, style="DF", round_corners=True, corner_radius=0.8
            )
        pdf.style(color=MUTED)
        pdf.set_xy(label_x, top_y)
        pdf.text(pdf.w - pdf.r_margin - label_x, 6, priority.importance_label, next_line=False)
        pdf.rule_under(max(bottom, pdf.y) + 0.6)
    pdf.ln(2)
    for key, names in (("not_important", summary.not_important), ("not_answered", summary.not_answered)):
        if names:
            pdf.paragraph(with_colon(fixed_words(summary, key)), bold=True, gap=0.5)
            pdf.paragraph("; ".join(names), color=MUTED, gap=2)


def _hard_limits(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["limits"])
    if summary.hard_limits:
        pdf.bullets(summary.hard_limits)
    else:
        pdf.nothing(fixed_words(summary, "none"))


def _knowledge(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["knowledge"])
    if summary.knowledge is None:
        pdf.nothing(summary.empty)
        return
    pdf.rows((summary.knowledge,), label_share=0.4, bold_values=True)
    if summary.knowledge_misses:
        pdf.paragraph(with_colon(fixed_words(summary, "knowledge_misses")), bold=True, gap=1)
        pdf.bullets(summary.knowledge_misses)


def _readiness(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["readiness"])
    if summary.readiness:
        pdf.rows(summary.readiness, label_share=0.78, bold_values=True)
    else:
        pdf.nothing(summary.empty)
    if summary.readiness_note:
        pdf.callout(summary.readiness_note)


def _answer(heading_key: str, attribute: str) -> Callable[[SummaryDocument, DiscussionSummary], None]:
    """A section holding one answer in a sentence (leaning, role)."""

    def section(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
        pdf.heading(summary.headings[heading_key])
        answer = getattr(summary, attribute)
        if answer.strip():
            pdf.paragraph(answer)
        else:
            pdf.nothing(summary.empty)

    return section


def _questions(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """A numbered checklist, with a box to tick for each question in the visit."""
    pdf.heading(summary.headings["questions"])
    if not summary.questions:
        pdf.nothing(summary.empty)
        return
    indent = 13
    for number, question in enumerate(summary.questions, start=1):
        text = words_of(question.text)
        pdf.style()
        pdf.keep(LINE * pdf.lines_needed(text, pdf.epw - indent, most=3) + 2)
        top = pdf.y
        pdf.set_draw_color(*MUTED)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin, top + 0.6, 3.8, 3.8, style="D")
        pdf.style(bold=True)
        pdf.set_xy(pdf.l_margin + 5.5, top)
        pdf.cell(indent - 5.5, LINE, f"{number}.")
        pdf.style()
        pdf.set_xy(pdf.l_margin + indent, top)
        pdf.text(pdf.epw - indent, LINE, text)
        pdf.ln(2)


def _notes(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    keep = HEADING_HEIGHT + pdf.box_start_height(summary.notes.text)
    pdf.heading(summary.headings["notes"], keep=keep)
    pdf.boxed_text(summary.notes.text, summary.empty)


def _clinician_notes(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    text, room = summary.clinician_notes.text, 24
    pdf.heading(summary.headings["clinician_notes"], keep=HEADING_HEIGHT + pdf.box_start_height(text, room))
    pdf.boxed_text(text, summary.empty, blank_height=room)


def _sources(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """The references in small type, numbered, in two balanced columns."""
    pdf.heading(summary.headings["sources"])
    if not summary.sources:
        pdf.nothing(summary.empty)
        return
    pdf.style(SOURCE_PT)
    with pdf.text_columns(ncols=2, gutter=7, balance=True, line_height=1.1) as columns:
        for number, source in enumerate(summary.sources, start=1):
            with columns.paragraph(
                indent=5.5, bullet_string=f"{number}.", bullet_r_margin=1.5, bottom_margin=0.6
            ) as item:
                item.write(pdf.clean(source))
    pdf.ln(2)
    pdf.style()


def _disclaimer(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.ln(3)
    pdf.callout(summary.disclaimer, size=9)


_SECTIONS: dict[str, Callable[[SummaryDocument, DiscussionSummary], None]] = {
    "title": _title_block,
    "profile": _profile,
    "priorities": _priorities,
    "hard_limits": _hard_limits,
    "fit_available": fit_section,
    "knowledge": _knowledge,
    "readiness": _readiness,
    "leaning": _answer("leaning", "leaning"),
    "role": _answer("role", "role"),
    "questions": _questions,
    "notes": _notes,
    "clinician_notes": _clinician_notes,
    "sources": _sources,
    "disclaimer": _disclaimer,
}
"""The field that opens each printed section; the fields after it, up to the next, belong to it."""
