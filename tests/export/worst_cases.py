"""Text at the app's own field limits and beyond, in the scripts that cost the PDF most."""

from __future__ import annotations

import dataclasses

from decisionaid.domain.summary import DiscussionSummary, Question, UserText
from tests.export.sample import sample_summary

NOTES_LIMIT = 10_000  # decisionaid/gui/controls.py LONG_TEXT: notes and the care team's notes
QUESTION_LIMIT = 500  # decisionaid/gui/views/ready.py: one own question
QUESTIONS = 20  # the app sets no number; 20 full questions are as much text as a notes field


def words(vocabulary: str, length: int, per_line: int = 12) -> str:
    """`length` characters of the vocabulary's words, a new line every `per_line` words."""
    chosen = vocabulary.split()
    out, size = [], 0
    for n in range(length):
        out.append(chosen[n % len(chosen)] + ("\n" if (n + 1) % per_line == 0 else " "))
        size += len(out[-1])
        if size > length:
            break
    return "".join(out)[:length]


def latin(length: int) -> str:
    return words("my ankle bled twice this week after football, ask about the liver tests", length)


def right_to_left(length: int) -> str:
    """Hebrew and Arabic words: each line is shaped, and the script changes every few words."""
    return words("שלום עולם טיפול גנטי مرحبا بكم العلاج الجيني בדיקה דם", length)


def hebrew_with_names(length: int) -> str:
    """Hebrew notes naming treatments in Latin letters, as a bilingual person writes them."""
    return words("טיפול גנטי כבד Hemgenix דימום מפרק שבוע רופא בדיקה דם", length)


def many_scripts(length: int) -> str:
    """A word of each script in turn: Latin, Hebrew, Arabic, Chinese, emoji, Cyrillic, Greek, symbols."""
    return words("ankle שלום مرحبا 血友病 😀 факт ✔ βήτα liver 👍🏽 基因", length)


def alternating(length: int) -> str:
    """A Latin and a Hebrew letter in turn with no space: a change of font and direction each letter."""
    return ("aש" * length)[:length]


def short_lines(length: int) -> str:
    return ("a\n" * length)[:length]


def at_field_limits(text) -> DiscussionSummary:
    """Notes and the care team's notes at their limit, and 20 own questions at theirs."""
    summary = sample_summary(notes=text(NOTES_LIMIT))
    own = tuple(Question(UserText(text(QUESTION_LIMIT)), "own") for _ in range(QUESTIONS))
    return dataclasses.replace(
        summary, clinician_notes=UserText(text(NOTES_LIMIT)), questions=summary.questions[:1] + own
    )
