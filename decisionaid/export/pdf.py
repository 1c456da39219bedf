"""The discussion summary as a PDF: a calm, printable document to bring to the clinic.

It renders one `DiscussionSummary` and nothing else: every word comes from the
summary, and the few small layout words it needs come from `summary.labels`
(English defaults in `pdf_document.LABELS`). Its sections are laid out here
with the building blocks of `pdf_document.SummaryDocument`. Text longer than a
PDF prints ends with the `shortened` label (see `text.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields

from decisionaid.domain.summary import DiscussionSummary, FitLine
from decisionaid.export.pdf_document import (
    ACCENT,
    BAR,
    BAR_SET_ASIDE,
    HEADING_HEIGHT,
    LABELS,
    LINE,
    MUTED,
    RULE,
    SOURCE_PT,
    TRACK,
    WHITE,
    Paper,
    SummaryDocument,
    fixed_words,
    made_line,
    whole_number,
    with_colon,
    words_of,
)
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
    """Ranked, each with four pips filled up to its importance and the importance in words."""
    pdf.heading(summary.headings["priorities"])
    if not summary.priorities:
        pdf.nothing(summary.empty)
        return
    pips_x = pdf.l_margin + pdf.epw * 0.55
    label_x = pips_x + 24
    for rank, priority in enumerate(summary.priorities, start=1):
        pdf.keep(9)
        top = pdf.y + 0.6
        pdf.style(bold=True)
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(7, 6, f"{rank}.")
        pdf.text(pips_x - pdf.l_margin - 10, 6, priority.attribute, next_line=False)
        bottom = pdf.y
        pdf.set_draw_color(*BAR)
        pdf.set_line_width(0.3)
        for step in range(4):
            pdf.set_fill_color(*(BAR if step < priority.importance else WHITE))
            pdf.rect(
                pips_x + step * 5, top + 1.4, 3.4, 3.4, style="DF", round_corners=True, corner_radius=0.8
            )
        pdf.style(color=MUTED)
        pdf.set_xy(label_x, top)
        pdf.text(pdf.w - pdf.r_margin - label_x, 6, priority.importance_label, next_line=False)
        pdf.rule_under(max(bottom, pdf.y) + 0.6)
    pdf.ln(2)


def _hard_limits(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["limits"])
    if summary.hard_limits:
        pdf.bullets(summary.hard_limits)
    else:
        pdf.nothing(fixed_words(summary, "none"))


def _fit(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    chart = summary.fit_available and bool(summary.fits)
    heights = _bar_heights(pdf, summary.fits) if chart else []
    pdf.style()
    explainer = LINE * pdf.lines_needed(summary.fit_explainer, pdf.epw) + 3
    # The heading, the explainer and the chart go together when they fit on a page.
    together = 12 + explainer + sum(heights) + 8
    pdf.heading(summary.headings["fit"], keep=together if together < pdf.eph - 10 else 26)
    pdf.paragraph(summary.fit_explainer, color=MUTED, gap=3)
    if chart:
        _fit_chart(pdf, summary.fits, heights)
    for note in summary.fit_notes:
        pdf.callout(note)
    _fit_details(pdf, summary)


_NAME_WIDTH = 58.0
_BAR_HEIGHT = 5.0


def _bar_heights(pdf: SummaryDocument, fits: Sequence[FitLine]) -> list[float]:
    """The height of each option's row in the chart: its name and note may wrap."""
    heights = []
    for line in fits:
        pdf.style(9.5, bold=True)
        height = 4.8 * pdf.lines_needed(line.option, _NAME_WIDTH)
        if line.status_note:
            pdf.style(8)
            height += 3.8 * pdf.lines_needed(line.status_note, _NAME_WIDTH)
        heights.append(max(height, _BAR_HEIGHT) + 3.2)
    return heights


def _fit_chart(pdf: SummaryDocument, fits: Sequence[FitLine], heights: list[float]) -> None:
    """Horizontal bars from 0 to 100, one per option, each with its number beside it."""
    bar_x = pdf.l_margin + _NAME_WIDTH + 4
    bar_width = pdf.epw - _NAME_WIDTH - 4 - 14
    pdf.keep(sum(heights) + 8)
    top = pdf.y
    bottom = top + sum(heights)
    # Dashed guides at 25, 50 and 75 behind the bars; the scale is labelled beneath.
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.15)
    pdf.set_dash_pattern(dash=0.6, gap=0.8)
    for tick in (25, 50, 75):
        x = bar_x + bar_width * tick / 100
        pdf.line(x, top, x, bottom)
    pdf.set_dash_pattern()
    y = top
    for line, height in zip(fits, heights, strict=True):
        _fit_bar(pdf, line, y, bar_x, bar_width)
        y += height
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    pdf.line(bar_x, top, bar_x, bottom)
    pdf.line(bar_x, bottom, bar_x + bar_width, bottom)
    pdf.style(7.5, color=MUTED)
    for tick in (0, 25, 50, 75, 100):
        x = bar_x + bar_width * tick / 100
        pdf.line(x, bottom, x, bottom + 1)
        pdf.set_xy(x - 6, bottom + 1)
        pdf.cell(12, 3.5, str(tick), align="C")
    pdf.set_xy(pdf.l_margin, bottom + 8)
    pdf.style()


def _fit_bar(pdf: SummaryDocument, line: FitLine, top: float, bar_x: float, bar_width: float) -> None:
    """One option: its name (and why it is set aside, if it is), the bar, and the number."""
    pdf.style(9.5, bold=True)
    pdf.set_xy(pdf.l_margin, top + 1.5)
    pdf.text(_NAME_WIDTH, 4.8, line.option)
    if line.status_note:
        pdf.style(8, color=MUTED)
        pdf.text(_NAME_WIDTH, 3.8, line.status_note)
    fit = max(0.0, min(100.0, line.fit))
    bar_top = top + 1.5
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(*TRACK)
    pdf.rect(bar_x, bar_top, bar_width, _BAR_HEIGHT, style="DF")
    # A set-aside option is greyed, and its note says why in words.
    pdf.set_fill_color(*(BAR_SET_ASIDE if line.status_note else BAR))
    if fit > 0:
        pdf.rect(bar_x, bar_top, bar_width * fit / 100, _BAR_HEIGHT, style="F")
    pdf.style(10, bold=True)
    pdf.set_xy(bar_x + bar_width + 1.5, bar_top)
    pdf.cell(12, _BAR_HEIGHT, whole_number(fit))


def _fit_reasons(summary: DiscussionSummary, line: FitLine) -> list[tuple[str, str]]:
    """One option's reasons in words: what pulls its fit up and down, limits crossed, flags."""
    drivers = summary.fit_available
    reasons = [
        (with_colon(fixed_words(summary, key)), ", ".join(items))
        for key, items in (
            ("pulls_up", line.drivers_for if drivers else ()),
            ("pulls_down", line.drivers_against if drivers else ()),
            ("limits_crossed", line.limits_crossed),
            ("flags", line.flags),
        )
        if items
    ]
    if line.status_note and not drivers:
        reasons.insert(0, ("", line.status_note))
    return reasons


_REASON_PT = 9.0
_REASON_LINE = 4.4


def _fit_details(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """The reasons for each option, two options side by side, each pair kept on one page."""
    blocks = [(line.option, reasons) for line in summary.fits if (reasons := _fit_reasons(summary, line))]
    gutter = 8
    width = (pdf.epw - gutter) / 2
    for start in range(0, len(blocks), 2):
        pair = blocks[start : start + 2]
        pdf.style(_REASON_PT)
        heights = [
            5.2 + sum(_REASON_LINE * pdf.lines_needed(f"{label} {value}", width) for label, value in reasons)
            for _, reasons in pair
        ]
        pdf.keep(max(heights) + 2)
        top = pdf.y
        bottoms = []
        for column, (option, reasons) in enumerate(pair):
            left = pdf.l_margin + column * (width + gutter)
            with pdf.margins(left, pdf.w - left - width):
                pdf.set_xy(left, top)
                pdf.style(9.5, bold=True)
                pdf.text(0, 5.2, option)
                for label, value in reasons:
                    # write() flows the muted label and the answer on one wrapped line.
                    pdf.set_x(left)
                    pdf.style(_REASON_PT, color=MUTED)
                    if label:
                        pdf.write(_REASON_LINE, pdf.clean(label) + " ")
                    pdf.style(_REASON_PT)
                    pdf.write(_REASON_LINE, pdf.clean(value))
                    pdf.ln(_REASON_LINE + 0.3)
                bottoms.append(pdf.y)
        pdf.set_xy(pdf.l_margin, max(bottoms) + 2.5)
    pdf.style()


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
    "fit_available": _fit,
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
