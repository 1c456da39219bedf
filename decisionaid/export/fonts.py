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
import struct
from functools import cache
from pathlib import Path

from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.text import plain_text, shortened_for_print, summary_texts
from decisionaid.locations import assets_dir

MAIN_FONT_FILES = ("NotoSans-Regular.subset.ttf", "NotoSans-Bold.subset.ttf")
FALLBACK_FONT_FILE = "DejaVuSans.fallback.ttf"

# Joiners, emoji presentation selectors and skin-tone modifiers: the fonts have
# no glyphs for them, and dropping them keeps the characters they modify. Lone
# surrogates (from a broken session file) cannot be passed to the typesetter at all.
_INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\ud800-\udfff]")


def fonts_dir() -> Path:
    """The folder of the shipped font files; the PDF uses these and no others."""
    return assets_dir() / "fonts"


@cache
def main_font_characters() -> frozenset[int]:
    """The code points the body font draws (and the line break)."""
    return cmap_characters(fonts_dir() / MAIN_FONT_FILES[0]) | {ord("\n")}


@cache
def printable_characters() -> frozenset[int]:
    """The code points the body font or its fallback draws (and the line break)."""
    return main_font_characters() | cmap_characters(fonts_dir() / FALLBACK_FONT_FILE)


def cmap_characters(path: Path) -> frozenset[int]:
    """The code points a TrueType/OpenType font maps to a glyph, read from its Unicode `cmap`.

    Only the two table formats the shipped fonts use are read (4: the Basic
    Multilingual Plane, 12: every plane); glyph 0 (.notdef) does not count."""
    data = path.read_bytes()
    tables = struct.unpack_from(">H", data, 4)[0]
    offset = next(
        struct.unpack_from(">4sIII", data, 12 + 16 * n)[2]
        for n in range(tables)
        if struct.unpack_from(">4s", data, 12 + 16 * n)[0] == b"cmap"
    )
    found: set[int] = set()
    for n in range(struct.unpack_from(">H", data, offset + 2)[0]):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * n)
        if (platform, encoding) in {(3, 1), (3, 10), (0, 3), (0, 4)}:
            found |= _subtable_characters(data, offset + sub)
    return frozenset(found)


def _subtable_characters(data: bytes, at: int) -> set[int]:
    kind = struct.unpack_from(">H", data, at)[0]
    found: set[int] = set()
    if kind == 4:
        segments = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts_at = at + 16 + 2 * segments
        starts = struct.unpack_from(f">{segments}H", data, starts_at)
        deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
        ranges_at = starts_at + 4 * segments
        ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
        for n, (start, end, delta, range_offset) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
            for code in range(start, end + 1):
                if code == 0xFFFF:
                    continue
                if range_offset == 0:
                    glyph = (code + delta) & 0xFFFF
                else:
                    where = ranges_at + 2 * n + range_offset + 2 * (code - start)
                    glyph = struct.unpack_from(">H", data, where)[0]
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                if glyph:
                    found.add(code)
    elif kind == 12:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for n in range(groups):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * n)
            found.update(code for offset, code in enumerate(range(start, end + 1)) if glyph + offset)
    return found


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
