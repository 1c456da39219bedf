"""Markdown and HTML exports: real structure, and the person's words shown literally."""

from __future__ import annotations

import itertools
import re
import unicodedata
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.export.markdown_html import escape_user_text, render_html, render_markdown
from tests.export.sample import sample_summary


class Structure(HTMLParser):
    """Collects tags and the visible text of an HTML page."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    return parser


def squash(text: str) -> str:
    """Text as a reader sees it: spaces collapsed, and composed (NFC), as the exports
    compose it: U+2F800 and U+4E3D are the same letter."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u200b", "")).strip()


def test_the_html_has_headings_lists_and_a_table_for_screen_readers():
    page = render_html(sample_summary())
    tags = parse(page).tags
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert tags.count("h1") == 1 and tags.count("h2") >= 10
    assert "table" in tags and "th" in tags and "ol" in tags and "ul" in tags


def test_sections_appear_in_the_printed_order():
    md = render_markdown(sample_summary())
    order = [
        "About you",
        "What matters most",
        "How the options fit",
        "Questions for your care team",
        "Your notes",
    ]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)
    assert "| Hemgenix | In between: from 48 to 72 out of 100 (best estimate 60); " in md


def test_the_fit_shows_bands_the_grid_with_shapes_and_words_and_the_options_apart_in_order():
    summary = sample_summary()
    md = render_markdown(summary)
    fit = md.split("## How the options fit", 1)[1].split("\n## ", 1)[0]
    assert summary.fit_order in fit
    hemgenix = "Hemgenix (\u26a0 Crosses your limit)"
    assert f"| Your priority | {hemgenix} | Factor IX, extended half-life (What you use now) |" in fit
    assert "| Treatment burden | \u25cf good | \u25d0 mixed |" in fit
    assert "| Limits on daily life | \u25cb poor | \u25cf good |" in fit
    assert "Hemgenix over Factor IX, extended half-life: Treatment burden." in fit
    assert "- **Beqvez** (No longer offered): Withdrawn in February 2025." in fit
    # The summary's order is kept: Hemgenix first although its best estimate is lower.
    assert fit.index("#### Hemgenix") < fit.index("#### Factor IX, extended half-life")


def test_the_top_three_and_not_answered_apart_from_not_important_are_listed():
    md = render_markdown(sample_summary())
    priorities = md.split("## What matters most to you", 1)[1].split("\n## ", 1)[0]
    assert "**Your top three**: Treatment burden; Limits on daily life" in priorities
    assert "**Not important to you**: Needles" in priorities
    assert "**Not answered yet**: Travel to a centre" in priorities


def test_blank_sections_say_not_answered():
    md = render_markdown(sample_summary(notes=""))
    notes = md.split("## Your notes", 1)[1].split("##", 1)[0]
    assert "Not answered" in notes


def test_typed_markup_is_shown_not_obeyed():
    typed = '<script>alert("x")</script> **not bold** [not a link](http://example.org)\n# not a heading'
    page = render_html(sample_summary(notes=typed))
    assert (
        "<script>" not in page and "<strong>not bold" not in page and 'href="http://example.org"' not in page
    )
    assert squash(typed) in squash("".join(parse(page).text))


typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u200b")
    | st.sampled_from("\n*_#<>&[]()`|-=!.+~"),
    max_size=300,
)
rtl_and_emoji = st.sampled_from(
    ["שלום עולם", "مرحبا بالعالم", "😀👍🏽🩸", "**bold** <b>x</b>", "1. item", "> quote"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.one_of(typed_text, rtl_and_emoji), question=st.one_of(typed_text, rtl_and_emoji))
def test_any_typed_text_appears_literally_in_the_html(notes, question):
    page = render_html(sample_summary(notes=notes, own_question=question))
    visible = squash("".join(parse(page).text))
    for typed in (notes, question):
        if typed.strip():
            assert squash(typed) in visible


@settings(max_examples=150, deadline=None)
@given(text=typed_text)
def test_escaped_text_renders_back_to_itself_through_the_markdown_package(text):
    html = markdown.markdown(escape_user_text(text))
    assert squash("".join(parse(html).text)) == squash(text)
    assert not set(parse(html).tags) - {"p", "br"}


def test_a_note_of_ten_thousand_characters_is_kept_whole():
    note = ("Ankle bleeds after football. " * 400)[:10_000]
    assert squash(note) in squash("".join(parse(render_html(sample_summary(notes=note))).text))


def test_without_a_fit_the_markdown_still_shows_limits_notes_and_status_like_the_pdf():
    import dataclasses

    summary = dataclasses.replace(sample_summary(), fit_available=False)
    md = render_markdown(summary)
    assert "Crosses your limit: I could not avoid alcohol" in md
    assert "Ask your care team: Plans for children" in md
    assert "- **Beqvez** (No longer offered): Withdrawn in February 2025." in md
    assert "| Option |" not in md and "| Your priority |" not in md and "best estimate" not in md


def test_without_a_fit_the_html_never_skips_a_heading_level():
    import dataclasses

    page = render_html(dataclasses.replace(sample_summary(), fit_available=False))
    levels = [int(tag[2]) for tag in re.findall(r"<h[1-6]", page)]
    assert 4 in levels
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels


# The reliability report's payloads (2026-11, test 3 and m6), in every place a person types.
HOSTILE = "nul[\x00] soh[\x01] bel[\x07] bs[\x08] vt[\x0b] ff[\x0c] esc[\x1b[31mred] rtl[\u202egnp.exe\u202c]"
FORBIDDEN = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))
FORBIDDEN |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def hostile_summary():
    import dataclasses

    from decisionaid.domain.summary import UserText

    summary = sample_summary(notes=HOSTILE, own_question=HOSTILE)
    return dataclasses.replace(summary, clinician_notes=UserText(HOSTILE))


def test_the_markdown_holds_no_control_code_or_direction_override_from_the_person_s_words():
    md = render_markdown(hostile_summary())
    assert not FORBIDDEN & set(md)
    assert md.count("rtl\\[gnp\\.exe\\]") == 3  # notes, own question, care team's notes
    assert md.count("esc\\[\\[31mred\\]") == 3


def test_the_html_holds_no_control_code_or_direction_override_from_the_person_s_words():
    page = render_html(hostile_summary())
    assert not FORBIDDEN & set(page)
    visible = squash("".join(parse(page).text))
    assert visible.count("rtl[gnp.exe]") == 3
    assert visible.count("nul[] soh[] bel[] bs[]") == 3


def test_a_vertical_tab_or_form_feed_starts_a_new_line_as_in_the_pdf():
    md = render_markdown(sample_summary(notes="first\x0bsecond\x0cthird"))
    assert "first  \nsecond  \nthird" in md


def test_the_markdown_html_and_pdf_clean_text_with_one_shared_function():
    from decisionaid.export import fonts, markdown_html, text

    assert markdown_html.plain_text is text.plain_text
    assert fonts.plain_text is text.plain_text


def test_the_bands_name_what_they_cannot_be_told_apart_from_and_the_grid_marks_a_limit_crossed():
    md = render_markdown(sample_summary())
    band = next(line for line in md.splitlines() if line.startswith("| Hemgenix |"))
    assert "Cannot be told apart from: Factor IX, extended half-life" in band
    assert "\u26a0 Crosses your limit: I could not avoid alcohol for a year or more." in band
    grid_header = next(line for line in md.splitlines() if line.startswith("| Your priority"))
    assert "Hemgenix (\u26a0 Crosses your limit)" in grid_header
    assert "Factor IX, extended half-life (What you use now) |" in grid_header  # crosses none
    assert "- Cannot be told apart from: Hemgenix" in md
    html = render_html(sample_summary())
    assert "Cannot be told apart from: Factor IX, extended half-life" in html
