"""The discussion summary as a PDF: a calm, printable document to bring to the clinic.

With `fonts.py`, the only module that imports fpdf. It renders one
`DiscussionSummary` and nothing else: every word comes from the summary, and the
few small layout words it needs come from `summary.labels` (English defaults in
`LABELS`). The person's own words (`UserText`) are printed literally: never
through fpdf2's markdown or HTML, never as the page-count alias. A stretch of
characters no shipped font can draw is printed as the `unprintable` label (see
`fonts.py`); text longer than a PDF prints ends with the `shortened` label (see
`text.py`). Text is wrapped by `wrap.py`, in time in proportion to its length.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from typing import Literal

from fpdf import FPDF, ViewerPreferences
from fpdf.enums import XPos, YPos

from decisionaid.domain.summary import DiscussionSummary, FitLine, LabelledValue, UserText
from decisionaid.export.fonts import (
    FALLBACK_FONT,
    MAIN_FONT,
    font_files,
    main_font_characters,
    mark_unprintable,
    printable,
    printable_characters,
)
from decisionaid.export.text import shortened_for_print, summary_texts
from decisionaid.export.wrap import wrap_paragraph

Paper = Literal["a4", "letter"]

LABELS: dict[str, str] = {
    "pulls_up": "Pulls up",
    "pulls_down": "Pulls down",
    "limits_crossed": "Crosses your limit",
    "flags": "Ask your care team",
    "none": "None",
    "made": "Made on {date}. Content version {content_version}, app version {app_version}.",
    "page_of": "Page {page} of {pages}",
    "knowledge_misses": "Worth going over again",
    "shortened": "(text shortened, see the saved session)",
    "unprintable": "[characters this PDF cannot show]",
}
"""Small fixed words with English defaults; `summary.labels[key]` overrides each one.
"made" may use {date}, {content_version} and {app_version}; "page_of" {page} and {pages}."""

Colour = tuple[int, int, int]
_INK: Colour = (31, 41, 51)
_MUTED: Colour = (84, 98, 111)
_ACCENT: Colour = (24, 78, 119)
_BAR: Colour = (44, 110, 160)
_BAR_SET_ASIDE: Colour = (150, 162, 174)
_RULE: Colour = (200, 208, 216)
_TINT: Colour = (238, 243, 247)
_TRACK: Colour = (246, 248, 250)
_WHITE: Colour = (255, 255, 255)

_FONT = MAIN_FONT
_FALLBACK = FALLBACK_FONT

_SIDE_MARGIN = 20.0
_TOP_MARGIN = 22.0
_BOTTOM_MARGIN = 22.0
_BODY_PT = 10.0
_LINE = 5.0  # mm per line of body text
_SMALL_PT = 8.0
_SOURCE_PT = 7.0
_BOX_PAD = 3.5
_HEADING_HEIGHT = 14.0

_RTL_CLASSES = frozenset({"R", "AL"})
_CACHED_WORD = 64  # longer words are measured each time, to keep the cache small
_MOST_PER_LINE = 500  # more characters than fit on a line at the smallest size


def render_pdf(summary: DiscussionSummary, paper: Paper = "a4") -> bytes:
    """The summary as PDF bytes, on A4 or US Letter paper.

    Each of the person's texts is printed up to `text.PRINTED_CHARACTERS`
    characters, so that any session makes a PDF in well under two seconds."""
    summary = shortened_for_print(summary, _label(summary, "shortened"))
    pdf = _SummaryDocument(summary, paper)
    for name in (f.name for f in fields(DiscussionSummary)):
        section = _SECTIONS.get(name)
        if section is not None:
            section(pdf, summary)
    return bytes(pdf.output())


@cache
def can_shape_text() -> bool:
    """Whether uharfbuzz is installed, so right-to-left text can be ordered and joined."""
    return importlib.util.find_spec("uharfbuzz") is not None


def _label(summary: DiscussionSummary, key: str) -> str:
    return summary.labels.get(key) or LABELS[key]


def _made(summary: DiscussionSummary) -> str:
    """When the summary was made, and from which content and app versions, in one line."""
    if "made" in summary.labels:  # already filled in by the summary builder
        return summary.labels["made"]
    return LABELS["made"].format(
        date=summary.created.isoformat(),
        content_version=summary.content_version,
        app_version=summary.app_version,
    )


def _colon(label: str) -> str:
    return label if label.endswith((":", "：")) else f"{label}:"


def _whole(fit: float) -> str:
    """A fit as a whole number, formatted as the Markdown and HTML exporters do."""
    return f"{fit:.0f}"


def _as_text(value: str | UserText) -> str:
    return value.text if isinstance(value, UserText) else value


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text if ord(char) >= 0x590)


def _mostly_fallback(text: str) -> bool:
    """Whether most letters of `text` are ones the body font lacks (Hebrew, Arabic ...)."""
    main = main_font_characters()
    letters = [char for char in text if char.isalpha()]
    return sum(ord(char) not in main for char in letters) * 2 > len(letters)


def _starts_rtl(text: str) -> bool:
    """Whether the first letter with a direction is right-to-left (Hebrew, Arabic ...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in _RTL_CLASSES:
            return True
    return False


class _SummaryDocument(FPDF):
    """The summary's pages: fonts, margins, metadata, running header, footer and building blocks."""

    def __init__(self, summary: DiscussionSummary, paper: Paper) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4" if paper == "a4" else "Letter")
        self.summary = summary
        files = font_files()
        self.add_font(_FONT, "", files[(_FONT, "")])
        self.add_font(_FONT, "B", files[(_FONT, "B")])
        self.covered = main_font_characters()
        self.unprintable_mark = _label(summary, "unprintable")
        self.widths: dict[tuple[object, ...], float] = {}
        needed = {ord(char) for text in summary_texts(summary) for char in printable(text)}
        if not needed <= self.covered:
            # The fallback (Hebrew, Arabic, symbols, some emoji) is loaded only when
            # needed: once set, fpdf2 looks every character up in it.
            self.add_font(_FALLBACK, "", files[(_FALLBACK, "")])
            self.covered = printable_characters()
            self.set_fallback_fonts([_FALLBACK], exact_match=False)
        self.set_margins(left=_SIDE_MARGIN, top=_TOP_MARGIN, right=_SIDE_MARGIN)
        self.set_auto_page_break(True, margin=_BOTTOM_MARGIN)
        self.set_title(summary.title)
        self.set_subject(summary.subtitle)
        self.set_author("decisionaid")
        self.set_creator(f"decisionaid {summary.app_version}")
        self.set_keywords(f"content {summary.content_version}")
        self.set_lang(summary.language)
        self.set_creation_date(dt.datetime.combine(summary.created, dt.time(), tzinfo=dt.UTC))
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.style()
        self.add_page()

    # --- text ----------------------------------------------------------------

    def clean(self, text: str) -> str:
        """Text the shipped fonts can draw: `printable`, with each stretch of other
        characters printed as the `unprintable` label."""
        return mark_unprintable(printable(text), self.covered, self.unprintable_mark)

    def style(self, size: float = _BODY_PT, bold: bool = False, color: Colour = _INK) -> None:
        self.set_font(_FONT, "B" if bold else "", size)
        self.set_text_color(*color)

    def text(self, width: float, line: float, text: str, *, next_line: bool = True, align: str = "L") -> None:
        """Wrapped text, printed literally; right-to-left text is shaped when uharfbuzz is there."""
        left = self.x
        width = width or self.w - self.r_margin - left
        for paragraph in self.clean(text).split("\n"):
            # Each paragraph takes its direction, and its alignment, from its first letter.
            with self.shaping(paragraph) as rtl:
                for text_line in self.wrap(paragraph, width):
                    self.set_x(left)
                    self.cell(
                        width,
                        line,
                        text_line,
                        align="R" if rtl and align == "L" else align,
                        new_x=XPos.LEFT,
                        new_y=YPos.NEXT,
                    )
        self.set_x(self.l_margin if next_line else left + width)

    @contextmanager
    def shaping(self, paragraph: str) -> Iterator[bool]:
        """Shape a paragraph that holds right-to-left letters (when uharfbuzz is there);
        yields whether the paragraph is right-to-left."""
        if not (can_shape_text() and _is_rtl(paragraph)):
            yield False
            return
        rtl = _starts_rtl(paragraph)
        self.set_text_shaping(True, direction="rtl" if rtl else "ltr")
        # fpdf2 shapes each run of one font separately, and the spaces between
        # Hebrew or Arabic words are in the body font: every word would be two runs.
        # The fallback also has spaces, digits and punctuation, so it leads in a
        # paragraph that is mostly in its letters, and the body font draws the Latin
        # ones (regular text only: the fallback has no bold).
        family, style, size = self.font_family, self.font_style, self.font_size_pt
        swap = style == "" and _FALLBACK in self.fonts and _mostly_fallback(paragraph)
        if swap:
            self.set_font(_FALLBACK, "", size)
            self.set_fallback_fonts([_FONT], exact_match=False)
        try:
            yield rtl
        finally:
            self.set_text_shaping(False)
            if swap:
                self.set_font(family, style, size)
                self.set_fallback_fonts([_FALLBACK], exact_match=False)

    def wrap(self, paragraph: str, width: float) -> list[str]:
        """The lines of one cleaned paragraph in the current font, as `cell` will print them."""
        return wrap_paragraph(paragraph, width - 2 * self.c_margin, self.measure)

    def measure(self, word: str) -> float:
        """The printed width of a word (or of spaces) in the current font, remembered."""
        if len(word) > _CACHED_WORD:
            return self.get_string_width(word, normalized=True)
        key = (self.font_family, self.font_style, self.font_size_pt, bool(self.text_shaping), word)
        width = self.widths.get(key)
        if width is None:
            width = self.widths[key] = self.get_string_width(word, normalized=True)
        return width

    def lines_needed(self, text: str, width: float, most: int | None = None) -> int:
        """How many lines `text` wraps into in the current font (counting up to `most`)."""
        count = 0
        for paragraph in self.clean(text).split("\n"):
            if most is not None:
                paragraph = paragraph[: most * _MOST_PER_LINE]
            with self.shaping(paragraph):
                count += len(self.wrap(paragraph, width))
            if most is not None and count >= most:
                return most
        return count

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.will_page_break(height):
            self.add_page()

    @contextmanager
    def margins(self, left: float, right: float) -> Iterator[None]:
        old_left, old_right = self.l_margin, self.r_margin
        self.set_left_margin(left)
        self.set_right_margin(right)
        try:
            yield
        finally:
            self.set_left_margin(old_left)
            self.set_right_margin(old_right)

    # --- header and footer -----------------------------------------------------

    def header(self) -> None:
        # The page-count alias is live only while a footer is drawn, so that
        # "{nb}" typed by a person is printed as typed.
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        if self.page_no() > 1:
            # A page may break inside a framed box, whose margins are narrower.
            with self.margins(_SIDE_MARGIN, _SIDE_MARGIN):
                self.set_xy(self.l_margin, 11)
                self.one_line(self.summary.title, self.epw)
                self.set_draw_color(*_RULE)
                self.set_line_width(0.2)
                self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self.alias_nb_pages("{nb}")
        with self.margins(_SIDE_MARGIN, _SIDE_MARGIN):
            top = self.h - 17
            self.set_draw_color(*_RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, top, self.w - self.r_margin, top)
            page = _label(self.summary, "page_of").format(page=self.page_no(), pages="{nb}")
            self.style(_SMALL_PT, bold=True, color=_MUTED)
            page_width = self.get_string_width(page) + 4
            self.set_xy(self.w - self.r_margin - page_width, top + 1.5)
            self.cell(page_width, 4, self.clean(page), align="R")
            self.set_xy(self.l_margin, top + 1.5)
            self.one_line(_made(self.summary), self.epw - page_width - 2)
            self.set_xy(self.l_margin, top + 5.5)
            self.one_line(self.summary.disclaimer, self.epw)

    def one_line(self, text: str, width: float, size: float = _SMALL_PT, smallest: float = 6) -> None:
        """A line of small muted text, made smaller and then shortened until it fits."""
        text = self.clean(text)
        self.style(size, color=_MUTED)
        while self.get_string_width(text) > width and size > smallest:
            size -= 0.5
            self.set_font_size(size)
        if self.get_string_width(text) > width:
            while text and self.get_string_width(text + "…") > width:
                text = text[:-1]
            text = text.rstrip() + "…"
        self.cell(width, 4, text)

    # --- building blocks -----------------------------------------------------

    def paragraph(
        self, text: str, *, size: float = _BODY_PT, bold: bool = False, color=_INK, gap=1.5
    ) -> None:
        """Text across the width between the current margins."""
        self.style(size, bold, color)
        self.set_x(self.l_margin)
        self.text(0, size * 0.5, text)
        self.ln(gap)

    def heading(self, text: str, *, keep: float = 26) -> None:
        """A section heading, kept with `keep` mm of what follows it, and listed in the PDF outline."""
        self.keep(keep)
        if self.y > self.t_margin + 1:
            self.ln(3.5)
        self.start_section(self.clean(text))
        self.style(12.5, bold=True, color=_ACCENT)
        self.text(0, 6.5, text)
        self.set_draw_color(*_RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.y + 0.5, self.w - self.r_margin, self.y + 0.5)
        self.ln(3)
        self.style()

    def nothing(self, text: str) -> None:
        """What stands in a section that has nothing in it."""
        self.paragraph(text, color=_MUTED)

    def hanging(self, marker: str, text: str, *, indent: float, size: float = _BODY_PT) -> None:
        """A list item: a marker in the margin and wrapped text beside it."""
        self.style(size)
        self.keep(size * 0.5 * self.lines_needed(text, self.epw - indent, most=3))
        top = self.y
        self.set_x(self.l_margin)
        self.cell(indent, size * 0.5, marker)
        self.set_xy(self.l_margin + indent, top)
        self.text(self.epw - indent, size * 0.5, text)
        self.ln(1)

    def bullets(self, items: Iterable[str], *, size: float = _BODY_PT) -> None:
        for item in items:
            self.hanging("•", item, indent=5, size=size)

    def facts(self, facts: Sequence[LabelledValue], columns: int = 3) -> None:
        """Short answers in a grid, each a small label over its answer, read across then down."""
        gutter = 5
        width = (self.epw - gutter * (columns - 1)) / columns
        for start in range(0, len(facts), columns):
            row = facts[start : start + columns]
            self.style(_SMALL_PT)
            label_lines = max(self.lines_needed(fact.label, width) for fact in row)
            self.style()
            value_lines = max(self.lines_needed(fact.value, width) for fact in row)
            self.keep(label_lines * 4 + value_lines * _LINE + 3)
            top = self.y
            bottoms = []
            for column, fact in enumerate(row):
                left = self.l_margin + column * (width + gutter)
                self.style(_SMALL_PT, color=_MUTED)
                self.set_xy(left, top)
                self.text(width, 4, fact.label, next_line=False)
                self.style()
                self.set_xy(left, top + label_lines * 4)
                self.text(width, _LINE, fact.value, next_line=False)
                bottoms.append(self.y)
            bottom = max(bottoms) + 1.5
            self.set_draw_color(*_RULE)
            self.set_line_width(0.15)
            self.line(self.l_margin, bottom, self.w - self.r_margin, bottom)
            self.set_xy(self.l_margin, bottom + 1.5)
        self.ln(1)

    def rows(self, rows: Sequence[LabelledValue], *, label_share: float, bold_values: bool = False) -> None:
        """A two-column table: the label on the left, the answer on the right, hairlines between."""
        label_width = self.epw * label_share
        value_x = self.l_margin + label_width + 3
        value_width = self.epw - label_width - 3
        for row in rows:
            self.style()
            lines = max(self.lines_needed(row.label, label_width), self.lines_needed(row.value, value_width))
            self.keep(_LINE * lines + 2.5)
            top = self.y + 1.2
            self.style(color=_MUTED)
            self.set_xy(self.l_margin, top)
            self.text(label_width, _LINE, row.label, next_line=False)
            left_bottom = self.y
            self.style(bold=bold_values)
            self.set_xy(value_x, top)
            self.text(value_width, _LINE, row.value, next_line=False)
            bottom = max(left_bottom, self.y) + 1.2
            self.set_draw_color(*_RULE)
            self.set_line_width(0.15)
            self.line(self.l_margin, bottom, self.w - self.r_margin, bottom)
            self.set_xy(self.l_margin, bottom)
        self.ln(2)

    def callout(self, text: str, *, size: float = 9.5) -> None:
        """A short note on a tinted band with an accent rule at its left."""
        width = self.epw - 8
        line = size * 0.5
        self.style(size)
        height = line * self.lines_needed(text, width) + 4
        self.keep(height)
        top = self.y
        self.set_fill_color(*_TINT)
        self.rect(self.l_margin, top, self.epw, height, style="F")
        self.set_fill_color(*_ACCENT)
        self.rect(self.l_margin, top, 1.2, height, style="F")
        self.set_xy(self.l_margin + 5, top + 2)
        self.text(width, line, text, next_line=False)
        self.set_xy(self.l_margin, max(self.y + 2, top + height) + 2.5)

    def box_start_height(self, text: str, blank_height: float = 0) -> float:
        """How much of a text box must fit on the page where it starts (up to three lines)."""
        self.style()
        if not text.strip():
            return max(_LINE + 2 * _BOX_PAD, blank_height)
        return _LINE * self.lines_needed(text, self.epw - 2 * _BOX_PAD, most=3) + 2 * _BOX_PAD

    def boxed_text(self, text: str, empty: str, *, blank_height: float = 0) -> None:
        """A framed box of free text; long text flows onto further pages, framed on each."""
        pad = _BOX_PAD
        self.keep(self.box_start_height(text, blank_height))
        first_page, top = self.page, self.y
        self.set_y(top + pad)
        with self.margins(self.l_margin + pad, self.r_margin + pad):
            if text.strip():
                self.paragraph(text, gap=0)
            else:
                self.paragraph(empty, color=_MUTED, gap=0)
                # Room to write by hand in the visit.
                self.set_y(max(self.y, top + blank_height - pad))
        last_page, bottom = self.page, self.y + pad
        self.set_draw_color(*_RULE)
        self.set_line_width(0.35)
        for page in range(first_page, last_page + 1):
            # Each page's part of the frame is drawn once the text has found its place.
            self.page = page
            box_top = top if page == first_page else self.t_margin - 2.5
            box_bottom = bottom if page == last_page else self.page_break_trigger + 1
            self.rect(self.l_margin, box_top, self.epw, box_bottom - box_top, style="D")
        self.page = last_page
        self.set_xy(self.l_margin, bottom + 3)
        self.style()


# --- sections, in the order of DiscussionSummary's fields ---------------------


def _title_block(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.set_fill_color(*_ACCENT)
    pdf.rect(pdf.l_margin, 16, 14, 1.6, style="F")
    pdf.set_y(20)
    pdf.paragraph(summary.title, size=18, bold=True, gap=1)
    pdf.paragraph(summary.subtitle, size=10.5, color=_MUTED, gap=1.5)
    pdf.paragraph(_made(summary), size=8.5, color=_MUTED, gap=2.5)
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.y, pdf.w - pdf.r_margin, pdf.y)
    pdf.ln(2)


def _profile(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["about_you"])
    if summary.profile:
        pdf.facts(summary.profile)
    else:
        pdf.nothing(summary.empty)


def _priorities(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
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
        pdf.set_draw_color(*_BAR)
        pdf.set_line_width(0.3)
        for step in range(4):
            pdf.set_fill_color(*(_BAR if step < priority.importance else _WHITE))
            pdf.rect(
                pips_x + step * 5, top + 1.4, 3.4, 3.4, style="DF", round_corners=True, corner_radius=0.8
            )
        pdf.style(color=_MUTED)
        pdf.set_xy(label_x, top)
        pdf.text(pdf.w - pdf.r_margin - label_x, 6, priority.importance_label, next_line=False)
        bottom = max(bottom, pdf.y) + 0.6
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.15)
        pdf.line(pdf.l_margin, bottom, pdf.w - pdf.r_margin, bottom)
        pdf.set_xy(pdf.l_margin, bottom)
    pdf.ln(2)


def _hard_limits(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["limits"])
    if summary.hard_limits:
        pdf.bullets(summary.hard_limits)
    else:
        pdf.nothing(_label(summary, "none"))


def _fit(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    chart = summary.fit_available and bool(summary.fits)
    heights = _bar_heights(pdf, summary.fits) if chart else []
    pdf.style()
    explainer = _LINE * pdf.lines_needed(summary.fit_explainer, pdf.epw) + 3
    # The heading, the explainer and the chart go together when they fit on a page.
    together = 12 + explainer + sum(heights) + 8
    pdf.heading(summary.headings["fit"], keep=together if together < pdf.eph - 10 else 26)
    pdf.paragraph(summary.fit_explainer, color=_MUTED, gap=3)
    if chart:
        _fit_chart(pdf, summary.fits, heights)
    for note in summary.fit_notes:
        pdf.callout(note)
    _fit_details(pdf, summary)


_NAME_WIDTH = 58.0
_BAR_HEIGHT = 5.0


def _bar_heights(pdf: _SummaryDocument, fits: Sequence[FitLine]) -> list[float]:
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


def _fit_chart(pdf: _SummaryDocument, fits: Sequence[FitLine], heights: list[float]) -> None:
    """Horizontal bars from 0 to 100, one per option, each with its number beside it."""
    bar_x = pdf.l_margin + _NAME_WIDTH + 4
    bar_width = pdf.epw - _NAME_WIDTH - 4 - 14
    pdf.keep(sum(heights) + 8)
    top = pdf.y
    bottom = top + sum(heights)
    # Dashed guides at 25, 50 and 75 behind the bars; the scale is labelled beneath.
    pdf.set_draw_color(*_RULE)
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
    pdf.set_draw_color(*_MUTED)
    pdf.set_line_width(0.2)
    pdf.line(bar_x, top, bar_x, bottom)
    pdf.line(bar_x, bottom, bar_x + bar_width, bottom)
    pdf.style(7.5, color=_MUTED)
    for tick in (0, 25, 50, 75, 100):
        x = bar_x + bar_width * tick / 100
        pdf.line(x, bottom, x, bottom + 1)
        pdf.set_xy(x - 6, bottom + 1)
        pdf.cell(12, 3.5, str(tick), align="C")
    pdf.set_xy(pdf.l_margin, bottom + 8)
    pdf.style()


def _fit_bar(pdf: _SummaryDocument, line: FitLine, top: float, bar_x: float, bar_width: float) -> None:
    """One option: its name (and why it is set aside, if it is), the bar, and the number."""
    pdf.style(9.5, bold=True)
    pdf.set_xy(pdf.l_margin, top + 1.5)
    pdf.text(_NAME_WIDTH, 4.8, line.option)
    if line.status_note:
        pdf.style(8, color=_MUTED)
        pdf.text(_NAME_WIDTH, 3.8, line.status_note)
    fit = max(0.0, min(100.0, line.fit))
    bar_top = top + 1.5
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*_RULE)
    pdf.set_fill_color(*_TRACK)
    pdf.rect(bar_x, bar_top, bar_width, _BAR_HEIGHT, style="DF")
    # A set-aside option is greyed, and its note says why in words.
    pdf.set_fill_color(*(_BAR_SET_ASIDE if line.status_note else _BAR))
    if fit > 0:
        pdf.rect(bar_x, bar_top, bar_width * fit / 100, _BAR_HEIGHT, style="F")
    pdf.style(10, bold=True)
    pdf.set_xy(bar_x + bar_width + 1.5, bar_top)
    pdf.cell(12, _BAR_HEIGHT, _whole(fit))


def _fit_reasons(summary: DiscussionSummary, line: FitLine) -> list[tuple[str, str]]:
    """One option's reasons in words: what pulls its fit up and down, limits crossed, flags."""
    drivers = summary.fit_available
    reasons = [
        (_colon(_label(summary, key)), ", ".join(items))
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


def _fit_details(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
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
                    pdf.style(_REASON_PT, color=_MUTED)
                    if label:
                        pdf.write(_REASON_LINE, pdf.clean(label) + " ")
                    pdf.style(_REASON_PT)
                    pdf.write(_REASON_LINE, pdf.clean(value))
                    pdf.ln(_REASON_LINE + 0.3)
                bottoms.append(pdf.y)
        pdf.set_xy(pdf.l_margin, max(bottoms) + 2.5)
    pdf.style()


def _knowledge(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["knowledge"])
    if summary.knowledge is None:
        pdf.nothing(summary.empty)
        return
    pdf.rows((summary.knowledge,), label_share=0.4, bold_values=True)
    if summary.knowledge_misses:
        pdf.paragraph(_colon(_label(summary, "knowledge_misses")), bold=True, gap=1)
        pdf.bullets(summary.knowledge_misses)


def _readiness(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.heading(summary.headings["readiness"])
    if summary.readiness:
        pdf.rows(summary.readiness, label_share=0.78, bold_values=True)
    else:
        pdf.nothing(summary.empty)
    if summary.readiness_note:
        pdf.callout(summary.readiness_note)


def _answer(heading_key: str, attribute: str) -> Callable[[_SummaryDocument, DiscussionSummary], None]:
    """A section holding one answer in a sentence (leaning, role)."""

    def section(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
        pdf.heading(summary.headings[heading_key])
        answer = getattr(summary, attribute)
        if answer.strip():
            pdf.paragraph(answer)
        else:
            pdf.nothing(summary.empty)

    return section


def _questions(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    """A numbered checklist, with a box to tick for each question in the visit."""
    pdf.heading(summary.headings["questions"])
    if not summary.questions:
        pdf.nothing(summary.empty)
        return
    indent = 13
    for number, question in enumerate(summary.questions, start=1):
        text = _as_text(question.text)
        pdf.style()
        pdf.keep(_LINE * pdf.lines_needed(text, pdf.epw - indent, most=3) + 2)
        top = pdf.y
        pdf.set_draw_color(*_MUTED)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin, top + 0.6, 3.8, 3.8, style="D")
        pdf.style(bold=True)
        pdf.set_xy(pdf.l_margin + 5.5, top)
        pdf.cell(indent - 5.5, _LINE, f"{number}.")
        pdf.style()
        pdf.set_xy(pdf.l_margin + indent, top)
        pdf.text(pdf.epw - indent, _LINE, text)
        pdf.ln(2)


def _notes(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    keep = _HEADING_HEIGHT + pdf.box_start_height(summary.notes.text)
    pdf.heading(summary.headings["notes"], keep=keep)
    pdf.boxed_text(summary.notes.text, summary.empty)


def _clinician_notes(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    text, room = summary.clinician_notes.text, 24
    pdf.heading(summary.headings["clinician_notes"], keep=_HEADING_HEIGHT + pdf.box_start_height(text, room))
    pdf.boxed_text(text, summary.empty, blank_height=room)


def _sources(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    """The references in small type, numbered, in two balanced columns."""
    pdf.heading(summary.headings["sources"])
    if not summary.sources:
        pdf.nothing(summary.empty)
        return
    pdf.style(_SOURCE_PT)
    with pdf.text_columns(ncols=2, gutter=7, balance=True, line_height=1.1) as columns:
        for number, source in enumerate(summary.sources, start=1):
            with columns.paragraph(
                indent=5.5, bullet_string=f"{number}.", bullet_r_margin=1.5, bottom_margin=0.6
            ) as item:
                item.write(pdf.clean(source))
    pdf.ln(2)
    pdf.style()


def _disclaimer(pdf: _SummaryDocument, summary: DiscussionSummary) -> None:
    pdf.ln(3)
    pdf.callout(summary.disclaimer, size=9)


_SECTIONS: dict[str, Callable[[_SummaryDocument, DiscussionSummary], None]] = {
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
