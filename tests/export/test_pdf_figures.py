"""Issue 15 on paper: the main harm of each option weighed as 100 people, and the fit bands,
drawn so that greyscale print still tells them apart, each with its words beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decisionaid import locations
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_markdown
from decisionaid.export.pdf import render_pdf
from decisionaid.export.pdf_fit_data import bands_alt_text
from decisionaid.loader import load_content
from decisionaid.storage import read_session_file
from tests.export.test_pdf_accessible import pdf_ua_findings, structure, text_of

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
CONTENT = load_content(locations.locale_root("en"))
PEOPLE = ("daniel-hemophilia-b", "ray-hemophilia-a")


def summary_of(person: str):
    return build_summary(CONTENT, read_session_file(SESSIONS / f"{person}.json"), dt.date(2026, 11, 22), "t")


@pytest.mark.parametrize("person", PEOPLE)
def test_the_pdf_draws_the_main_harm_of_each_option_weighed_as_100_people_with_its_words(person):
    summary = summary_of(person)
    weighed = {view.option_id for view in summary.outcomes}
    with_pictures = {
        view.option_id for view in summary.outcomes for harm in view.harms if harm.icon_array is not None
    }
    assert with_pictures, "these sessions weigh an option whose main harm has a picture"
    assert {p.option_id for p in summary.harm_pictures} == with_pictures <= weighed
    pdf = render_pdf(summary)
    figures = [e.alt for e in structure(pdf) if e.role == "/Figure"]
    text = text_of(pdf)
    for picture in summary.harm_pictures:
        assert picture.view.words in figures  # the picture's alternative text says it all
        for line in picture.legend:  # and its words are printed beside it
            assert line in text
        assert " ".join(picture.caption.split()) in text


@pytest.mark.parametrize("person", PEOPLE)
def test_a_summary_with_its_pictures_passes_the_pdf_ua_machine_checks(person, tmp_path):
    assert pdf_ua_findings(render_pdf(summary_of(person)), tmp_path) == []


def test_the_fit_bands_say_in_print_what_the_stripes_and_the_dark_line_mean():
    summary = summary_of("daniel-hemophilia-b")
    key = CONTENT.text("summary.bands_key")
    pdf = render_pdf(summary)
    assert key in text_of(pdf)
    assert key in bands_alt_text(summary)
    assert bands_alt_text(summary) in [e.alt for e in structure(pdf) if e.role == "/Figure"]


def test_the_markdown_summary_says_what_the_pictures_show():
    summary = summary_of("daniel-hemophilia-b")
    md = render_markdown(summary)
    for picture in summary.harm_pictures:
        assert f"#### {picture.view.title}" in md
        for line in picture.legend:
            assert f"- {line}" in md
