"""Breaking a paragraph into lines that fit a width, measuring each word once.

fpdf2's `multi_cell` re-measures the whole line for every character it adds
(with text shaping, it shapes the whole line again each time), so a page of
text costs time in proportion to the square of the line length, and 10,000
right-to-left characters took seconds. Here each distinct word is measured
once (the caller caches), and a word too long for a line is split by adding
up the widths of its characters, so wrapping takes time in proportion to the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORDS = re.compile(r"[^ ]+| +")
_LONG_WORD = 200  # characters; wider than any line at the sizes the PDF uses


def wrap_paragraph(paragraph: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """The lines of one paragraph (no "\\n" in it), each no wider than `width` by `measure`.

    Lines break at spaces, which are dropped at the break; spaces the person put at
    the start are kept. A word wider than a line is broken between characters. An
    empty paragraph is one empty line."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for token in _WORDS.findall(paragraph):
        # A word this long cannot share a line; not measuring it whole saves time.
        token_width = width + 1 if len(token) > _LONG_WORD else measure(token)
        if used + token_width <= width:
            line.append(token)
            used += token_width
            continue
        if token.startswith(" "):
            if line:  # a line never starts with the spaces at which it broke
                lines.append("".join(line))
                line, used = [], 0.0
            continue
        if line:
            lines.append("".join(line).rstrip(" "))
            line, used = [], 0.0
        if token_width > width:
            # Measuring what is left of a long word after each line would take time
            # in proportion to the square of its length; the last piece is measured once.
            while len(head := _longest_fitting_prefix(token, width, measure)) < len(token):
                lines.append(head)
                token = token[len(head) :]
            token_width = measure(token)
        line, used = [token], token_width
    if line or not lines:
        lines.append("".join(line).rstrip(" "))
    return lines


def _longest_fitting_prefix(word: str, width: float, measure: Callable[[str], float]) -> str:
    """The longest start of `word` no wider than `width`, at least one character.

    Character widths are added up first (each character measured once); joined or
    shaped letters can be wider together, so the result is checked and shortened."""
    used, end = 0.0, 0
    while end < len(word) and used + measure(word[end]) <= width:
        used += measure(word[end])
        end += 1
    end = max(end, 1)
    while end > 1 and measure(word[:end]) > width:
        end -= 1
    return word[:end]
