"""The PDF summary: its text, order, pages, metadata, fonts, and how it prints the person's own words."""

from __future__ import annotations

import dataclasses
import io
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from decisionaid.domain.summary import Question, UserText
from decisionaid.export.pdf import render_pdf
from tests.export.sample import empty_summary, sample_summary

MM = 72 / 25.4


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def flat(text: str) -> str:
    """Text with every run of whitespace as one space, so wrapped lines read as typed."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without whitespace, to compare wrapped text with what was typed."""
    return re.sub(r"\s+", "", text)


def positions_in_order(text: str, needles: list[str]) -> list[int]:
    """Where each needle is found, each searched after the one before; -1 when missing."""
    found, start = [], 0
    for needle in needles:
        at = text.find(needle, start)
        found.append(at)
        if at >= 0:
            start = at + len(needle)
    return found


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_summary())


def test_the_sample_shows_title_priorities_fits_questions_and_notes_in_that_order(sample_pdf):
    summary = sample_summary()
    expected = [
        summary.title,
        *(p.attribute for p in summary.priorities),
        "How closely each option fits",
        "Hemgenix",
        "Factor IX, extended half-life",
        "How each option lines up with your priorities",
        "Why each option lines up as it does",
        "Options not scored for you",
        "Beqvez (No longer offered)",
        "How often would I need liver blood tests, and where?",
        "Can I still play football?",
        "I want to talk about my ankle.",
    ]
    assert -1 not in positions_in_order(text_of(sample_pdf), expected)


def test_every_section_heading_is_printed_in_the_order_of_the_summary_fields(sample_pdf):
    headings = sample_summary().headings
    keys = ["about_you", "priorities", "limits", "fit", "knowledge", "readiness", "leaning", "role"]
    keys += ["questions", "notes", "clinician_notes", "sources"]
    assert -1 not in positions_in_order(text_of(sample_pdf), [headings[k] for k in keys])


def test_each_option_is_explained_in_words_with_its_band_priorities_contrasts_limits_and_flags(sample_pdf):
    text = flat(text_of(sample_pdf))
    assert "In between: from 48 to 72 out of 100 (best estimate 60)" in text
    assert "Treatment burden (good): Why Hemgenix is good on treatment burden." in text
    assert (
        "Hemgenix over Factor IX, extended half-life: Treatment burden. Against it: Limits on daily life."
        in text
    )
    assert "Crosses your limit: I could not avoid alcohol for a year or more." in text
    assert "Ask your care team: Plans for children" in text
    assert "Close call: the ranges overlap." in text
    assert "The options are always shown in the same order. The order is not a ranking." in text


def test_the_grid_prints_a_word_in_every_cell_and_marks_what_he_uses_now():
    text = flat(text_of(render_pdf(sample_summary())))
    grid = text.split("How each option lines up with your priorities", 1)[1].split("Why each option", 1)[0]
    assert "Treatment burden good mixed" in grid
    assert "Limits on daily life poor good" in grid
    assert "(What you use now)" in grid


def test_options_print_in_the_summarys_order_not_by_fit():
    summary = sample_summary()
    turned = dataclasses.replace(summary, fits=summary.fits[::-1])
    for shown in (summary, turned):
        text = flat(text_of(render_pdf(shown)))
        details = text.split("Why each option lines up as it does", 1)[1]
        names = [f.option for f in shown.fits]
        assert -1 not in positions_in_order(details, names)


def test_every_page_says_page_x_of_the_real_page_count(sample_pdf):
    reader = read(sample_pdf)
    pages = len(reader.pages)
    assert 1 <= pages <= 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_the_footer_words_come_from_the_summary_labels():
    summary = sample_summary()
    german = dataclasses.replace(summary, labels={**summary.labels, "page_of": "Seite {page} von {pages}"})
    assert "Seite 1 von " in text_of(render_pdf(german))


def test_metadata_gives_title_author_subject_language_and_creation_date(sample_pdf):
    reader = read(sample_pdf)
    summary = sample_summary()
    assert reader.metadata.title == summary.title
    assert reader.metadata.author == "decisionaid"
    assert reader.metadata.subject == summary.subtitle
    assert reader.metadata["/CreationDate"].startswith("D:20261122")
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_the_language_metadata_follows_the_summary():
    spanish = dataclasses.replace(sample_summary(), language="es")
    assert read(render_pdf(spanish)).trailer["/Root"]["/Lang"] == "es"


def test_a4_and_letter_pages_have_their_own_sizes():
    a4 = read(render_pdf(sample_summary(), "a4")).pages[0].mediabox
    letter = read(render_pdf(sample_summary(), "letter")).pages[0].mediabox
    assert (float(a4.width), float(a4.height)) == pytest.approx((210 * MM, 297 * MM), abs=0.5)
    assert (float(letter.width), float(letter.height)) == pytest.approx((612, 792), abs=0.5)


def test_the_shipped_fonts_are_embedded_as_subsets(sample_pdf):
    fonts = read(sample_pdf).pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in (ref.get_object() for ref in fonts.values()):
        assert re.fullmatch(r"/?[A-Z]{6}\+\S+", str(font["/BaseFont"])), font["/BaseFont"]
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_the_fit_chart_is_drawn_as_one_vector_bar_and_track_per_option():
    def fills(summary) -> int:
        pdf = read(render_pdf(summary))
        return sum(len(re.findall(rb"(?<=\s)f(?=\s)", page.get_contents().get_data())) for page in pdf.pages)

    summary = sample_summary()
    without_chart = dataclasses.replace(summary, fit_available=False)
    assert fills(summary) - fills(without_chart) >= 2 * len(summary.fits)


def test_without_fit_scores_the_explainer_and_notes_are_printed_but_no_numbers():
    summary = dataclasses.replace(sample_summary(), fit_available=False)
    text = text_of(render_pdf(summary))
    assert summary.fit_explainer in text
    assert "Close call: the ranges overlap." in text
    assert "best estimate" not in text
    assert "How each option lines up with your priorities" not in text


def test_an_empty_summary_renders_with_the_empty_marker_in_its_sections():
    summary = empty_summary()
    text = text_of(render_pdf(summary))
    assert summary.headings["questions"] in text
    assert text.count(summary.empty) >= 8
    assert summary.disclaimer in text


def test_a_ten_thousand_character_note_flows_onto_more_pages_in_order_and_above_the_footer():
    words = [f"ankle{n:04d}" for n in range(1100)]
    note = "\n".join(" ".join(words[start : start + 40]) for start in range(0, 1100, 40))[:10_000]
    assert len(note) == 10_000
    pdf = render_pdf(sample_summary(notes=note))
    reader = read(pdf)
    assert len(reader.pages) > len(read(render_pdf(sample_summary())).pages) + 1
    assert re.findall(r"ankle\d{4}", text_of(pdf)) == re.findall(r"ankle\d{4}", note)
    lowest = []

    def note_heights(text, cm, tm, _font, _size):
        if text.startswith("ankle"):
            lowest.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])  # the text's height on the page

    for page in reader.pages:
        page.extract_text(visitor_text=note_heights)
    assert len(lowest) > 100
    assert min(lowest) > 17 * MM  # above the footer's rule


def test_a_note_without_spaces_is_broken_to_fit_the_page_and_loses_nothing():
    without = text_of(render_pdf(sample_summary(notes=""))).count("x")
    with_note = text_of(render_pdf(sample_summary(notes="x" * 10_000))).count("x")
    assert with_note - without == 10_000


def test_markup_in_notes_and_own_questions_is_printed_literally_not_interpreted():
    notes = "<b>**md**</b> _under_ [link](http://x) # not a heading\n- not a list {nb} &amp;"
    question = "<i>Can I</i> **still** play?"
    text = text_of(render_pdf(sample_summary(notes=notes, own_question=question)))
    for literal in ("<b>**md**</b>", "_under_", "[link](http://x)", "# not a heading", "{nb}", "&amp;"):
        assert literal in text
    assert question in text


def test_emoji_and_right_to_left_notes_render_and_keep_their_latin_words():
    notes = "Before 😀👍🏽 ✔️ שלום עולם مرحبا بكم 中文 after <b>**md**</b>"
    text = text_of(render_pdf(sample_summary(notes=notes)))
    assert "Before" in text
    assert "after <b>**md**</b>" in text
    assert "😀" in text  # drawn by the fallback font


def test_a_stretch_of_characters_no_font_has_is_printed_as_one_plain_words_mark():
    text = flat(text_of(render_pdf(sample_summary(notes="A 中文 血友病 B 😀 C"))))
    assert "A [characters this PDF cannot show] B 😀 C" in text
    assert "\ufffd" not in text


def test_the_mark_for_characters_no_font_has_comes_from_the_summary_labels():
    summary = sample_summary(notes="A 中文 B")
    summary = dataclasses.replace(summary, labels={**summary.labels, "unprintable": "[nicht druckbar]"})
    assert "A [nicht druckbar] B" in flat(text_of(render_pdf(summary)))


def test_hebrew_and_arabic_words_print_with_their_letters_in_reading_order():
    # pypdf gives the words of a line in the order they stand on the page (right to left
    # here), so each word is looked for on its own.
    text = text_of(render_pdf(sample_summary(notes="שלום עולם\nمرحبا بكم")))
    for word in ("שלום", "עולם", "مرحبا", "بكم"):
        assert word in text
    assert "םולש" not in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.text(max_size=300), question=st.text(max_size=80))
def test_any_text_a_person_types_renders_as_pdf_ua_and_its_plain_words_survive(notes, question):
    summary = sample_summary(notes=notes, own_question=question)
    summary = dataclasses.replace(summary, questions=(Question(UserText(question), "own"),))
    pdf = render_pdf(summary)
    assert b"pdfuaid:part" in pdf  # made as PDF/UA-1, not by the fallback without it
    text = squeezed(text_of(pdf))
    plain = squeezed("".join(c for c in notes if c in string.ascii_letters + string.digits + " "))
    if plain and plain == squeezed(notes):
        assert plain in text


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\r", "\r\n", "\x0b", "\x0c"])
def test_every_kind_of_line_break_starts_a_new_line(separator):
    text = text_of(render_pdf(sample_summary(notes=f"first{separator}second")))
    assert "first\nsecond" in text


def test_control_codes_and_direction_overrides_never_reach_the_pdf():
    hostile = "nul[\x00] bel[\x07] bs[\x08] esc[\x1b[31mred] rtl[\u202egnp.exe\u202c]"
    text = text_of(render_pdf(sample_summary(notes=hostile, own_question=hostile)))
    assert not set(text) & set("\x00\x07\x08\x1b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert flat(text).count("rtl[gnp.exe]") == 2


def test_each_band_names_the_options_it_cannot_be_told_apart_from_and_the_limits_it_crosses():
    text = flat(text_of(render_pdf(sample_summary())))
    assert "Cannot be told apart from: Factor IX, extended half-life" in text
    assert "Cannot be told apart from: Hemgenix" in text
    limit = "Crosses your limit: I could not avoid alcohol for a year or more."
    # Beside the band and again in the option's reasons; the grid's column says it too.
    assert text.count(limit) == 2
    assert text.count("Crosses your limit") == 3


def test_many_sources_print_in_two_columns_numbered_in_order_with_none_left_out():
    sources = tuple(
        f"Source number {n:02d}. A long enough citation to take a line or two. doi:10.1/{n}"
        for n in range(12)
    )
    pdf = render_pdf(dataclasses.replace(sample_summary(), sources=sources))
    text = flat(text_of(pdf))
    assert -1 not in positions_in_order(text, [f"{n + 1}. Source number {n:02d}" for n in range(12)])
    lefts = {}

    def where(text, cm, tm, _font, _size):
        if text.strip().startswith("Source number"):
            lefts[text.strip()[14:16]] = tm[4] * cm[0] + cm[4]

    for page in read(pdf).pages:
        page.extract_text(visitor_text=where)
    assert lefts["11"] - lefts["00"] > 80 * MM  # the last source stands in the second column
