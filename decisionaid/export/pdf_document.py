"""The PDF summary's page: fonts, margins, metadata, header and footer, and its building blocks.

With `fonts.py`, the only module that imports fpdf; `pdf.py` lays the summary's
sections out with these blocks. The person's own words (`UserText`) are printed
literally: never through fpdf2's markdown or HTML, never as the page-count
alias. A stretch of characters no shipped font can draw is printed as the
`unprintable` label (see `fonts.py`). Text is wrapped by `wrap.py` and printed a
line at a time, in time in proportion to its length.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Literal

from fpdf import FPDF, ViewerPreferences
from fpdf.enums import XPos, YPos

from decisionaid.domain.summary import DiscussionSummary, LabelledValue, UserText
from decisionaid.export.fonts import (
    FALLBACK_FONT,
    MAIN_FONT,
    font_files,
    main_font_characters,
    mark_unprintable,
    printable,
    printable_characters,
)
from decisionaid.export.text import summary_texts
from decisionaid.export.wrap import wrap_paragraph

Paper = Literal["a4", "letter"]

LABELS: dict[str, str] = {
    "limits_crossed": "Crosses your limit",
    "flags": "Ask your care team",
    "none": "None",
    "made": "Made on {date}. Content version {content_version}, app version {app_version}.",
    "page_of": "Page {page} of {pages}",
    "knowledge_misses": "Worth going over again",
    "shortened": "(text shortened, see the saved session)",
    "unprintable": "[characters this PDF cannot show]",
    "uses_now": "What you use now",
    "priority_column": "Your priority",
    "grid_title": "How each option lines up with your priorities",
    "bands_title": "How closely each option fits",
    "apart_title": "Options not scored for you",
    "details_title": "Why each option lines up as it does",
    "top_three": "Your top three",
    "no_top_three": "You have not chosen your top three.",
    "not_important": "Not important to you",
    "not_answered": "Not answered yet",
    "scale_low": "0: lines up least",
    "scale_high": "100: lines up most",
}
"""Small fixed words with English defaults; `summary.labels[key]` overrides each one.
"made" may use {date}, {content_version} and {app_version}; "page_of" {page} and {pages}."""

Colour = tuple[int, int, int]
INK: Colour = (31, 41, 51)
MUTED: Colour = (84, 98, 111)
ACCENT: Colour = (24, 78, 119)
BAR: Colour = (44, 110, 160)
RULE: Colour = (200, 208, 216)
TINT: Colour = (238, 243, 247)
TRACK: Colour = (246, 248, 250)
WHITE: Colour = (255, 255, 255)

_FONT = MAIN_FONT
_FALLBACK = FALLBACK_FONT

SIDE_MARGIN = 20.0
TOP_MARGIN = 22.0
BOTTOM_MARGIN = 22.0
BODY_PT = 10.0
LINE = 5.0  # mm per line of body text
SMALL_PT = 8.0
SOURCE_PT = 7.0
BOX_PAD = 3.5
HEADING_HEIGHT = 14.0

_RTL_CLASSES = frozenset({"R", "AL"})
_CACHED_WORD = 64  # longer words are measured each time, to keep the cache small
_MOST_PER_LINE = 500  # more characters than fit on a line at the smallest size


@cache
def can_shape_text() -> bool:
    """Whether uharfbuzz is installed, so right-to-left text can be ordered and joined."""
    return importlib.util.find_spec("uharfbuzz") is not None


def fixed_words(summary: DiscussionSummary, key: str) -> str:
    """One of the small fixed words (`LABELS`), as the summary's locale words it."""
    return summary.labels.get(key) or LABELS[key]


def made_line(summary: DiscussionSummary) -> str:
    """When the summary was made, and from which content and app versions, in one line."""
    if "made" in summary.labels:  # already filled in by the summary builder
        return summary.labels["made"]
    return LABELS["made"].format(
        date=summary.created.isoformat(),
        content_version=summary.content_version,
        app_version=summary.app_version,
    )


def with_colon(label: str) -> str:
    """A label ending in a colon (a full-width one counts)."""
    return label if label.endswith((":", "：")) else f"{label}:"


def words_of(value: str | UserText) -> str:
    """The words of a content string or of the person's own text."""
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


class SummaryDocument(FPDF):
    """The summary's pages: fonts, margins, metadata, running header, footer and building blocks."""

    def __init__(self, summary: DiscussionSummary, paper: Paper) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4" if paper == "a4" else "Letter")
        self.summary = summary
        files = font_files()
        self.add_font(_FONT, "", files[(_FONT, "")])
        self.add_font(_FONT, "B", files[(_FONT, "B")])
        self.covered = main_font_characters()
        self.unprintable_mark = fixed_words(summary, "unprintable")
        self.widths: dict[tuple[object, ...], float] = {}
        needed = {ord(char) for text in summary_texts(summary) for char in printable(text)}
        if not needed <= self.covered:
            # The fallback (Hebrew, Arabic, symbols, some emoji) is loaded only when
            # needed: once set, fpdf2 looks every character up in it.
            self.add_font(_FALLBACK, "", files[(_FALLBACK, "")])
            self.covered = printable_characters()
            self.set_fallback_fonts([_FALLBACK], exact_match=False)
        self.set_margins(left=SIDE_MARGIN, top=TOP_MARGIN, right=SIDE_MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM_MARGIN)
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

    def style(self, size: float = BODY_PT, bold: bool = False, color: Colour = INK) -> None:
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
            with self.margins(SIDE_MARGIN, SIDE_MARGIN):
                self.set_xy(self.l_margin, 11)
                self.one_line(self.summary.title, self.epw)
                self.set_draw_color(*RULE)
                self.set_line_width(0.2)
                self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self.alias_nb_pages("{nb}")
        with self.margins(SIDE_MARGIN, SIDE_MARGIN):
            top = self.h - 17
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, top, self.w - self.r_margin, top)
            page = fixed_words(self.summary, "page_of").format(page=self.page_no(), pages="{nb}")
            self.style(SMALL_PT, bold=True, color=MUTED)
            page_width = self.get_string_width(page) + 4
            self.set_xy(self.w - self.r_margin - page_width, top + 1.5)
            self.cell(page_width, 4, self.clean(page), align="R")
            self.set_xy(self.l_margin, top + 1.5)
            self.one_line(made_line(self.summary), self.epw - page_width - 2)
            self.set_xy(self.l_margin, top + 5.5)
            self.one_line(self.summary.disclaimer, self.epw)

    def one_line(self, text: str, width: float, size: float = SMALL_PT, smallest: float = 6) -> None:
        """A line of small muted text, made smaller and then shortened until it fits."""
        text = self.clean(text)
        self.style(size, color=MUTED)
        while self.get_string_width(text) > width and size > smallest:
            size -= 0.5
            self.set_font_size(size)
        if self.get_string_width(text) > width:
            while text and self.get_string_width(text + "…") > width:
                text = text[:-1]
            text = text.rstrip() + "…"
        self.cell(width, 4, text)

    # --- building blocks -----------------------------------------------------

    def paragraph(self, text: str, *, size: float = BODY_PT, bold: bool = False, color=INK, gap=1.5) -> None:
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
        self.style(12.5, bold=True, color=ACCENT)
        self.text(0, 6.5, text)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.y + 0.5, self.w - self.r_margin, self.y + 0.5)
        self.ln(3)
        self.style()

    def nothing(self, text: str) -> None:
        """What stands in a section that has nothing in it."""
        self.paragraph(text, color=MUTED)

    def hanging(self, marker: str, text: str, *, indent: float, size: float = BODY_PT) -> None:
        """A list item: a marker in the margin and wrapped text beside it."""
        self.style(size)
        self.keep(size * 0.5 * self.lines_needed(text, self.epw - indent, most=3))
        top = self.y
        self.set_x(self.l_margin)
        self.cell(indent, size * 0.5, marker)
        self.set_xy(self.l_margin + indent, top)
        self.text(self.epw - indent, size * 0.5, text)
        self.ln(1)

    def bullets(self, items: Iterable[str], *, size: float = BODY_PT) -> None:
        for item in items:
            self.hanging("•", item, indent=5, size=size)

    def facts(self, facts: Sequence[LabelledValue], columns: int = 3) -> None:
        """Short answers in a grid, each a small label over its answer, read across then down."""
        gutter = 5
        width = (self.epw - gutter * (columns - 1)) / columns
        for start in range(0, len(facts), columns):
            row = facts[start : start + columns]
            self.style(SMALL_PT)
            label_lines = max(self.lines_needed(fact.label, width) for fact in row)
            self.style()
            value_lines = max(self.lines_needed(fact.value, width) for fact in row)
            self.keep(label_lines * 4 + value_lines * LINE + 3)
            top = self.y
            bottoms = []
            for column, fact in enumerate(row):
                left = self.l_margin + column * (width + gutter)
                self.style(SMALL_PT, color=MUTED)
                self.set_xy(left, top)
                self.text(width, 4, fact.label, next_line=False)
                self.style()
                self.set_xy(left, top + label_lines * 4)
                self.text(width, LINE, fact.value, next_line=False)
                bottoms.append(self.y)
            bottom = max(bottoms) + 1.5
            self.set_draw_color(*RULE)
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
            self.keep(LINE * lines + 2.5)
            top = self.y + 1.2
            self.style(color=MUTED)
            self.set_xy(self.l_margin, top)
            self.text(label_width, LINE, row.label, next_line=False)
            left_bottom = self.y
            self.style(bold=bold_values)
            self.set_xy(value_x, top)
            self.text(value_width, LINE, row.value, next_line=False)
            self.rule_under(max(left_bottom, self.y) + 1.2)
        self.ln(2)

    def rule_under(self, bottom: float) -> None:
        """A thin rule across the text width at `bottom`, and the next line starts there."""
        self.set_draw_color(*RULE)
        self.set_line_width(0.15)
        self.line(self.l_margin, bottom, self.w - self.r_margin, bottom)
        self.set_xy(self.l_margin, bottom)

    def callout(self, text: str, *, size: float = 9.5) -> None:
        """A short note on a tinted band with an accent rule at its left."""
        width = self.epw - 8
        line = size * 0.5
        self.style(size)
        height = line * self.lines_needed(text, width) + 4
        self.keep(height)
        top = self.y
        self.set_fill_color(*TINT)
        self.rect(self.l_margin, top, self.epw, height, style="F")
        self.set_fill_color(*ACCENT)
        self.rect(self.l_margin, top, 1.2, height, style="F")
        self.set_xy(self.l_margin + 5, top + 2)
        self.text(width, line, text, next_line=False)
        self.set_xy(self.l_margin, max(self.y + 2, top + height) + 2.5)

    def box_start_height(self, text: str, blank_height: float = 0) -> float:
        """How much of a text box must fit on the page where it starts (up to three lines)."""
        self.style()
        if not text.strip():
            return max(LINE + 2 * BOX_PAD, blank_height)
        return LINE * self.lines_needed(text, self.epw - 2 * BOX_PAD, most=3) + 2 * BOX_PAD

    def boxed_text(self, text: str, empty: str, *, blank_height: float = 0) -> None:
        """A framed box of free text; long text flows onto further pages, framed on each."""
        pad = BOX_PAD
        self.keep(self.box_start_height(text, blank_height))
        first_page, top = self.page, self.y
        self.set_y(top + pad)
        with self.margins(self.l_margin + pad, self.r_margin + pad):
            if text.strip():
                self.paragraph(text, gap=0)
            else:
                self.paragraph(empty, color=MUTED, gap=0)
                # Room to write by hand in the visit.
                self.set_y(max(self.y, top + blank_height - pad))
        last_page, bottom = self.page, self.y + pad
        self.set_draw_color(*RULE)
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
