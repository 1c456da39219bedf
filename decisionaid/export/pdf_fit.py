"""The fit section of the PDF: bands with their intervals, the alignment grid, reasons, options apart.

Options are printed in the summary's fixed order, never sorted by fit. Every
band has its interval in words beside it, and every grid cell has a shape
(filled, half or empty circle, drawn as vectors) and a word, so nothing rests
on colour or on position alone.
"""

from __future__ import annotations

import math

from decisionaid.domain.fit_summary import FitLine
from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.pdf_document import (
    BAR,
    INK,
    LINE,
    MUTED,
    RULE,
    TINT,
    TRACK,
    WHITE,
    SummaryDocument,
    fixed_words,
    with_colon,
)

_NAME_WIDTH = 50.0
_WORDS_WIDTH = 52.0
_BAND_HEIGHT = 4.6
_SHAPE = 2.0  # radius of a grid cell's circle, mm


def fit_section(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """The whole fit section, from its heading to the options apart."""
    pdf.style()
    explainer = LINE * pdf.lines_needed(summary.fit_explainer, pdf.epw) + 3
    heights = _band_heights(pdf, summary) if summary.fit_available else []
    together = 12 + explainer + sum(heights) + 10
    pdf.heading(summary.headings["fit"], keep=together if together < pdf.eph - 10 else 26)
    pdf.paragraph(summary.fit_explainer, color=MUTED, gap=1.5)
    pdf.paragraph(summary.fit_order, bold=True, gap=3)
    for note in summary.fit_notes:
        pdf.callout(note)
    if summary.fit_available:
        _subheading(pdf, fixed_words(summary, "bands_title"), sum(heights) + 8)
        _bands(pdf, summary, heights)
        if summary.grid_priorities:
            _grid(pdf, summary)
        _subheading(pdf, fixed_words(summary, "details_title"), 30)
    _details(pdf, summary)
    if summary.apart:
        _subheading(pdf, fixed_words(summary, "apart_title"), 16)
        for line in summary.apart:
            reasons = " ".join(line.reasons)
            pdf.hanging("•", f"{line.option} ({line.standing}): {reasons}".rstrip(": "), indent=5)


def _subheading(pdf: SummaryDocument, text: str, keep: float) -> None:
    pdf.keep(min(keep, pdf.eph - 20) + 8)
    pdf.ln(1.5)
    pdf.paragraph(text, size=10.5, bold=True, gap=1.5)


def _option_name(summary: DiscussionSummary, line: FitLine) -> str:
    return f"{line.option} ({fixed_words(summary, 'uses_now')})" if line.uses_now else line.option


_WARNING = 3.0  # width of the warning sign before a limit crossed, mm


def _band_notes(summary: DiscussionSummary, line: FitLine) -> list[tuple[bool, str]]:
    """The lines under a band: the options it cannot be told apart from, then each limit it
    crosses (True: printed after a warning sign)."""
    notes = [(False, line.overlaps)] if line.overlaps else []
    crosses = fixed_words(summary, "limits_crossed")
    return notes + [(True, f"{crosses}: {limit}") for limit in line.limits_crossed]


def _notes_width(pdf: SummaryDocument) -> float:
    return pdf.epw - _NAME_WIDTH - 3 - _WARNING - 1


def _band_heights(pdf: SummaryDocument, summary: DiscussionSummary) -> list[float]:
    heights = []
    for line in summary.fits:
        pdf.style(9.5, bold=True)
        name = 4.6 * pdf.lines_needed(line.option, _NAME_WIDTH) + (4 if line.uses_now else 0)
        pdf.style(8.5)
        words = 4 * pdf.lines_needed(line.interval, _WORDS_WIDTH)
        notes = sum(4 * pdf.lines_needed(text, _notes_width(pdf)) for _, text in _band_notes(summary, line))
        heights.append(max(name, words + notes, _BAND_HEIGHT + notes + 2) + 3)
    return heights


def warning_sign(pdf: SummaryDocument, x: float, y: float) -> None:
    """A triangle with "!" in it, its top left at (x, y): the fit screen's warning icon."""
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*WHITE)
    pdf.set_line_width(0.3)
    pdf.polygon(
        [(x + _WARNING / 2, y), (x + _WARNING, y + _WARNING - 0.3), (x, y + _WARNING - 0.3)], style="DF"
    )
    pdf.set_line_width(0.35)
    pdf.line(x + _WARNING / 2, y + 0.9, x + _WARNING / 2, y + 1.8)
    pdf.circle(x + _WARNING / 2, y + 2.25, 0.12, style="DF")


def _bands(pdf: SummaryDocument, summary: DiscussionSummary, heights: list[float]) -> None:
    """One row per option: its name, a track from 0 to 100 with the interval filled and its
    best estimate, and the band and interval in words."""
    bar_x = pdf.l_margin + _NAME_WIDTH + 3
    bar_width = pdf.epw - _NAME_WIDTH - _WORDS_WIDTH - 6
    words_x = bar_x + bar_width + 3
    pdf.keep(sum(heights) + 8)
    for line, height in zip(summary.fits, heights, strict=True):
        y = pdf.y
        pdf.style(9.5, bold=True)
        pdf.set_xy(pdf.l_margin, y + 0.5)
        pdf.text(_NAME_WIDTH, 4.6, line.option)
        if line.uses_now:
            pdf.style(8, color=MUTED)
            pdf.set_x(pdf.l_margin)
            pdf.text(_NAME_WIDTH, 4, fixed_words(summary, "uses_now"))
        bar_top = y + 1
        pdf.set_line_width(0.2)
        pdf.set_draw_color(*RULE)
        pdf.set_fill_color(*TRACK)
        pdf.rect(bar_x, bar_top, bar_width, _BAND_HEIGHT, style="DF")
        low, high = bar_x + bar_width * line.low / 100, bar_x + bar_width * line.high / 100
        if high > low:
            pdf.set_fill_color(*BAR)
            pdf.rect(low, bar_top, high - low, _BAND_HEIGHT, style="F")
        mark = bar_x + bar_width * line.fit / 100
        pdf.set_fill_color(*INK)
        pdf.set_draw_color(*WHITE)
        pdf.rect(mark - 0.7, bar_top - 0.8, 1.4, _BAND_HEIGHT + 1.6, style="DF")
        pdf.style(8.5)
        pdf.set_xy(words_x, y + 0.6)
        pdf.text(_WORDS_WIDTH, 4, line.interval, next_line=False)
        # Under the bar: what it cannot be told apart from, and the limits it crosses.
        pdf.set_xy(bar_x, max(bar_top + _BAND_HEIGHT + 1.5, pdf.get_y() + 0.8))
        for warn, text in _band_notes(summary, line):
            if warn:
                warning_sign(pdf, bar_x, pdf.get_y() + 0.4)
            pdf.set_x(bar_x + _WARNING + 1)
            pdf.text(_notes_width(pdf), 4, text)
        pdf.set_xy(pdf.l_margin, y + height)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.1)
        pdf.line(pdf.l_margin, pdf.y - 1, pdf.w - pdf.r_margin, pdf.y - 1)
    # The scale under the bars: where 0 and 100 stand and what they mean.
    bottom = pdf.y
    pdf.style(7.5, color=MUTED)
    pdf.set_xy(bar_x - 1, bottom)
    pdf.cell(bar_width / 2, 3.5, fixed_words(summary, "scale_low"))
    pdf.set_xy(bar_x + bar_width / 2, bottom)
    pdf.cell(bar_width / 2 + 1, 3.5, fixed_words(summary, "scale_high"), align="R")
    pdf.set_xy(pdf.l_margin, bottom + 6)
    pdf.style()


def shape(pdf: SummaryDocument, alignment: str, x: float, y: float) -> None:
    """A filled (good), half-filled (mixed) or empty (poor) circle centred at (x, y); a dash
    where every option is the same."""
    pdf.set_draw_color(*BAR)
    pdf.set_line_width(0.35)
    if alignment == "same":
        pdf.set_line_width(0.6)
        pdf.line(x - _SHAPE, y, x + _SHAPE, y)
        return
    pdf.set_fill_color(*(BAR if alignment == "good" else WHITE))
    pdf.circle(x, y, _SHAPE, style="DF")
    if alignment == "mixed":
        # The left half filled: a polygon along the circle's left edge.
        points = [
            (
                x + _SHAPE * math.cos(math.pi / 2 + math.pi * i / 16),
                y - _SHAPE * math.sin(math.pi / 2 + math.pi * i / 16),
            )
            for i in range(17)
        ]
        pdf.set_fill_color(*BAR)
        pdf.polygon(points, style="F")


def _grid(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """Rows are the person's priorities, columns the options; each cell a shape and a word."""
    _subheading(pdf, fixed_words(summary, "grid_title"), 40)
    fits = summary.fits
    first = 42.0
    column = (pdf.epw - first) / max(len(fits), 1)
    pdf.style(7.5, bold=True)
    header_lines = max(pdf.lines_needed(_option_name(summary, f), column - 1) for f in fits)
    # Under the name of an option that crosses a limit: a warning sign and the words.
    crosses = fixed_words(summary, "limits_crossed")
    crosses_width = column - 2 - _WARNING - 1
    crosses_lines = pdf.lines_needed(crosses, crosses_width) if any(f.limits_crossed for f in fits) else 0
    header = 3.4 * (header_lines + crosses_lines) + 2
    pdf.style(8.5)
    row_heights = [max(4.2 * pdf.lines_needed(p, first - 2), 9.5) for p in summary.grid_priorities]
    pdf.keep(header + sum(row_heights[:3]) + 2)
    top = pdf.y

    def draw_header(at: float) -> None:
        pdf.set_fill_color(*TINT)
        pdf.rect(pdf.l_margin, at, pdf.epw, header, style="F")
        pdf.style(7.5, bold=True)
        pdf.set_xy(pdf.l_margin + 1, at + 1)
        pdf.text(first - 2, 3.4, fixed_words(summary, "priority_column"), next_line=False)
        for index, line in enumerate(fits):
            pdf.set_xy(pdf.l_margin + first + index * column, at + 1)
            pdf.text(column - 1, 3.4, _option_name(summary, line), next_line=False, align="C")
            if line.limits_crossed:
                left = pdf.l_margin + first + index * column + 1
                below = at + 1 + 3.4 * header_lines
                warning_sign(pdf, left, below + 0.2)
                pdf.style(7.5, bold=True)
                pdf.set_xy(left + _WARNING + 1, below)
                pdf.text(crosses_width, 3.4, crosses, next_line=False)

    draw_header(top)
    y = top + header
    for row, (priority, height) in enumerate(zip(summary.grid_priorities, row_heights, strict=True)):
        # Asked at the row's own top: the cursor was left inside the row above, and a cell
        # that crossed the page's end broke the page by itself, one cell to a page.
        pdf.set_xy(pdf.l_margin, y)
        if pdf.will_page_break(height):
            pdf.add_page()
            draw_header(pdf.y)
            y = pdf.y + header
        pdf.style(8.5)
        pdf.set_xy(pdf.l_margin + 1, y + 1)
        pdf.text(first - 2, 4.2, priority, next_line=False)
        for index, line in enumerate(fits):
            if row >= len(line.cells):
                continue
            cell = line.cells[row]
            centre = pdf.l_margin + first + index * column + column / 2
            shape(pdf, cell.alignment, centre, y + 3.2)
            pdf.style(7.5, color=MUTED)
            pdf.set_xy(centre - column / 2, y + 5.6)
            pdf.cell(column, 3.2, pdf.clean(cell.word), align="C")
        y += height
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.1)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_xy(pdf.l_margin, y + 3)
    pdf.style()


_REASON_PT = 8.5
_REASON_LINE = 4.1


def _reasons(summary: DiscussionSummary, line: FitLine) -> list[tuple[str, str]]:
    """One option's reasons in words: its band, each priority, contrasts, limits crossed, notes."""
    reasons: list[tuple[str, str]] = []
    if line.status_note:
        reasons.append(("", line.status_note))
    if summary.fit_available:
        reasons.append(("", line.interval))
        reasons += [(with_colon(f"{c.priority} ({c.word})"), c.reason) for c in line.cells]
        reasons += [("", c) for c in line.contrasts]
    reasons += [(with_colon(fixed_words(summary, "limits_crossed")), s) for s in line.limits_crossed]
    if line.flags:
        reasons.append((with_colon(fixed_words(summary, "flags")), ", ".join(line.flags)))
    return reasons


def _details(pdf: SummaryDocument, summary: DiscussionSummary) -> None:
    """The reasons for each option, one option after another across the page: a long list
    flows onto the next page like any paragraph."""
    for line in summary.fits:
        reasons = _reasons(summary, line)
        if not reasons:
            continue
        pdf.style(_REASON_PT)
        first = sum(
            _REASON_LINE * pdf.lines_needed(f"{label} {value}", pdf.epw - 5) for label, value in reasons[:2]
        )
        pdf.keep(5.5 + first)
        pdf.style(9.5, bold=True)
        pdf.set_x(pdf.l_margin)
        pdf.text(0, 5.2, _option_name(summary, line))
        with pdf.margins(pdf.l_margin + 5, pdf.r_margin):
            for label, value in reasons:
                pdf.set_x(pdf.l_margin)
                if label:
                    pdf.style(_REASON_PT, color=MUTED)
                    pdf.write(_REASON_LINE, pdf.clean(label) + " ")
                pdf.style(_REASON_PT)
                pdf.write(_REASON_LINE, pdf.clean(value))
                pdf.ln(_REASON_LINE + 0.4)
        pdf.ln(2)
    pdf.style()
