"""The person's words made safe for every export, what a PDF prints of them."""

from __future__ import annotations

import dataclasses

import pytest

from decisionaid.domain.summary import Question, UserText
from decisionaid.export.fonts import unprintable_characters
from decisionaid.export.text import PRINTED_CHARACTERS, plain_text, shortened_for_print
from tests.export.sample import sample_summary
from tests.export.worst_cases import at_field_limits, hebrew_with_names, latin, right_to_left

NOTE = "(text shortened, see the saved session)"

# The reliability report's payloads (2026-11, m6): raw control bytes and a bidi override.
CONTROL_PAYLOADS = {
    "NUL": "\x00",
    "SOH": "\x01",
    "BEL": "\x07",
    "BS": "\x08",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "CSI": "\x9b",
}
BIDI_PAYLOADS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("payload", [*CONTROL_PAYLOADS.values(), *BIDI_PAYLOADS])
def test_control_codes_and_direction_overrides_are_dropped_and_the_words_kept(payload):
    assert plain_text(f"before{payload}after") == "beforeafter"


def test_an_ansi_colour_sequence_loses_its_escape_and_cannot_colour_a_terminal():
    assert plain_text("red\x1b[31mtext") == "red[31mtext"


def test_a_right_to_left_override_cannot_make_a_file_name_read_backwards():
    assert plain_text("rtl[\u202egnp.exe\u202c]") == "rtl[gnp.exe]"


@pytest.mark.parametrize("separator", ["\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_every_kind_of_line_break_becomes_one_new_line(separator):
    assert plain_text(f"first{separator}second") == "first\nsecond"


def test_tabs_right_to_left_letters_and_emoji_are_kept():
    text = "a\tb שלום مرحبا 😀 中文 \u200f"
    assert plain_text(text) == text


@pytest.mark.parametrize("text", [latin, right_to_left, hebrew_with_names], ids=lambda t: t.__name__)
def test_text_typed_in_the_app_at_its_field_limits_is_printed_whole(text):
    summary = at_field_limits(text)
    assert len(summary.notes.text) == PRINTED_CHARACTERS
    assert shortened_for_print(summary, NOTE) is summary


def test_a_megabyte_of_notes_is_cut_to_the_print_limit_and_says_so():
    summary = sample_summary(notes="ankle pain " * 100_000)
    printed = shortened_for_print(summary, NOTE).notes.text
    assert printed.startswith("ankle pain ankle")
    assert printed.endswith(f"pain {NOTE}")
    assert len(printed) <= PRINTED_CHARACTERS + len(NOTE) + 1
    assert len(summary.notes.text) == 1_100_000  # the summary itself keeps every word


def test_letters_that_switch_script_at_every_character_are_cut_sooner():
    printed = shortened_for_print(sample_summary(notes="aש" * 5_000), NOTE).notes.text
    assert printed.endswith(NOTE)
    assert len(printed) < 2_000


def test_thousands_of_short_lines_are_cut_and_say_so():
    printed = shortened_for_print(sample_summary(notes="a\n" * 5_000), NOTE).notes.text
    assert printed.endswith(NOTE)
    assert printed.count("\n") < 2_000


def test_own_questions_share_one_allowance_and_the_last_printed_says_more_were_left_out():
    summary = sample_summary()
    own = tuple(Question(UserText(f"Question {n}? " + "x" * 480), "own") for n in range(60))
    summary = dataclasses.replace(summary, questions=summary.questions[:1] + own)
    printed = shortened_for_print(summary, NOTE).questions
    assert printed[0] == summary.questions[0]  # a suggested question is never cut
    assert 1 < len(printed) < len(summary.questions)
    assert [q.text.text.split("?")[0] for q in printed[1:]] == [
        f"Question {n}" for n in range(len(printed) - 1)
    ]
    assert printed[-1].text.text.endswith(NOTE)
    assert sum(q.text.text.endswith(NOTE) for q in printed[1:]) == 1


def test_a_session_with_thousands_of_tiny_questions_prints_a_bounded_number():
    summary = sample_summary()
    own = tuple(Question(UserText("a"), "own") for _ in range(100_000))
    printed = shortened_for_print(dataclasses.replace(summary, questions=own), NOTE).questions
    assert len(printed) <= 400
    assert printed[-1].text.text == f"a {NOTE}"


def test_characters_the_pdf_fonts_cannot_show_are_listed_once_in_order():
    summary = sample_summary(notes="血友病 and 血 again 👍🏽 😀 שלום مرحبا ✔", own_question="基因?")
    assert unprintable_characters(summary) == ["基", "因", "血", "友", "病", "👍"]


def test_nothing_is_unprintable_in_latin_greek_cyrillic_hebrew_arabic_and_common_symbols():
    summary = sample_summary(notes="ankle βήτα факт שלום مرحبا ✔ ✓ → 😀 \u200f\tend")
    assert unprintable_characters(summary) == []


def test_unprintable_characters_lists_one_letter_once_in_a_note_of_ten_million_characters():
    summary = sample_summary(notes="中" * 10_000_000)
    assert unprintable_characters(summary) == ["中"]
