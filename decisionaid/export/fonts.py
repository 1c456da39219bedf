"""The fonts the PDF ships with, what they can draw, and what a PDF cannot show.

The shipped fonts cover Latin, Greek, Cyrillic, Hebrew, Arabic, common symbols
and some emoji (see assets/fonts/README.md). Chinese, Japanese and Korean need a
font of 15-20 MB per weight, and a subset is only possible for a known set of
characters, which a person's notes are not; colour emoji fonts are several MB
too. So instead of shipping them, the PDF prints each stretch of characters it
cannot show as one plainly worded mark (the `unprintable` label), and
`unprintable_characters` lets the app and the CLI tell the person before the
PDF is saved. The Markdown and HTML exports and the saved session keep every
character.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from fpdf import FPDF

from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.text import plain_text, shortened_for_print, summary_texts
from decisionaid.locations import assets_dir

MAIN_FONT = "notosans"
FALLBACK_FONT = "fallback"
_FONT_FILES = {
    (MAIN_FONT, ""): "NotoSans-Regular.subset.ttf",
    (MAIN_FONT, "B"): "NotoSans-Bold.subset.ttf",
    (FALLBACK_FONT, ""): "DejaVuSans.fallback.ttf",
}

# Joiners, emoji presentation selectors and skin-tone modifiers: the fonts have
# no glyphs for them, and dropping them keeps the characters they modify.
_INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def font_files() -> dict[tuple[str, str], Path]:
    """The shipped font files by (family, style)."""
    folder = assets_dir() / "fonts"
    return {key: folder / name for key, name in _FONT_FILES.items()}


@cache
def main_font_characters() -> frozenset[int]:
    """The code points the body font draws (and the line break)."""
    return _characters(MAIN_FONT) | {ord("\n")}


@cache
def printable_characters() -> frozenset[int]:
    """The code points the body font or its fallback draws (and the line break)."""
    return main_font_characters() | _characters(FALLBACK_FONT)


def _characters(family: str) -> frozenset[int]:
    # fpdf2 reads the cmap as it loads a font; a throwaway document does it once per process.
    pdf = FPDF()
    pdf.add_font(family, "", font_files()[(family, "")])
    return frozenset(pdf.fonts[family].cmap)


def printable(text: str) -> str:
    """`text` as the PDF prints it before fonts are chosen: `plain_text`, tabs as
    four spaces, without the invisible modifiers the fonts have no glyphs for."""
    return _INVISIBLE.sub("", plain_text(text)).replace("\t", "    ")


def unprintable_characters(summary: DiscussionSummary) -> list[str]:
    """The characters in `summary` that its PDF cannot show (each once, in the order
    they first appear), for example Chinese, Japanese or Korean letters and most emoji.

    Empty when the PDF shows every character. Call it before saving a PDF to tell
    the person; the PDF prints each stretch of these as the `unprintable` label.
    Fast enough for a summary of any size: it looks at what the PDF would print."""
    covered = printable_characters()
    seen: dict[str, None] = {}
    for text in summary_texts(shortened_for_print(summary, "")):
        text = printable(text)
        if not set(map(ord, text)) <= covered:
            seen.update((char, None) for char in text if ord(char) not in covered)
    return list(seen)


def mark_unprintable(text: str, covered: frozenset[int], mark: str) -> str:
    """`text` with each stretch of characters outside `covered` (spaces between
    them included) replaced by `mark`."""
    if set(map(ord, text)) <= covered:
        return text
    out: list[str] = []
    gap = ""  # spaces after an unprintable character, kept unless another follows
    marking = False
    for char in text:
        if ord(char) not in covered:
            if not marking:
                out.append(mark)
            marking, gap = True, ""
        elif marking and char == " ":
            gap += char
        else:
            out.append(gap + char)
            marking, gap = False, ""
    out.append(gap)
    return "".join(out)
