"""The PDF prints what the Markdown and HTML print: the outcome tables, each knowledge answer,
next steps, how the leaning moved, who else is involved with their words as typed, and the
first-page banner; each under its heading in the structure tree, and PDF/UA-1 still holds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from decisionaid.domain.content import ClinicalSignoff
from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf
from tests.export.sample import sample_summary
from tests.export.test_pdf_accessible import pdf_ua_findings, roles, structure, text_of

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
TODAY = dt.date(2026, 12, 1)
VIEW = "She says *wait* #set text(red) $x$ ]\nשלום עולם"


@pytest.fixture(scope="module")
def ray(content):
    """Ray's sample session, deciding with his partner, his leaning moved since the start."""
    session = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    # One answer wrong, so that the right answer is printed after it.
    item = next(k for k in content.knowledge if k.id in session.knowledge_answers)
    session = session.model_copy(
        update={
            "knowledge_answers": {
                **session.knowledge_answers,
                item.id: (item.answer + 1) % len(item.choices),
            },
            "readiness": {**session.readiness, "enough_support": False},
            "others_involved": ["partner"],
            "others_prefer": {"partner": "not_sure"},
            "pressure": "yes",
            "others_view": VIEW,
            "start_leaning": "not_sure",
            "start_certainty": "a_little",
            "certainty": "very",
        }
    )
    summary = build_summary(content, session, TODAY, "t")
    return summary, render_pdf(summary)


def outline(pdf: bytes) -> list[str]:
    """The headings' titles, in order (Typst bookmarks every heading)."""
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(" ".join(item.title.split()))

    walk(PdfReader(io.BytesIO(pdf)).outline)
    return titles


def said(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def test_the_outcome_table_prints_as_a_table_per_option_with_header_cells(ray):
    summary, pdf = ray
    assert summary.outcomes
    headings = outline(pdf)
    start = headings.index(summary.outcomes_title)
    names = [v.name for v in summary.outcomes]
    # Each option's heading, in order (a picture of its main harm has its own heading between).
    assert [h for h in headings[start + 1 :] if h in names][: len(names)] == names
    elements = structure(pdf)
    # The alignment grid, the option grid, the bleeds a year on each option (a table for his
    # type), then one outcome table per option, each headed by "Question" and the option.
    tables = 2 + len(summary.bleed_rates.tables) + len(summary.outcomes)
    assert sum(e.role == "/Table" for e in elements) == tables
    text = said(text_of(pdf))
    for view in summary.outcomes:
        assert said(view.bleeds[0].lines[0].value) in text
        assert said(view.harms[0].harm) in text
        assert said("; ".join(view.sources)) in text


def test_each_knowledge_answer_prints_with_its_verdict_and_the_right_answer_after_a_miss(ray):
    summary, pdf = ray
    text = said(text_of(pdf))
    missed = [k for k in summary.knowledge_lines if k.right is False]
    assert missed and summary.knowledge_lines
    for k in summary.knowledge_lines:
        assert said(k.question) in text
    for k in missed:
        assert said(f"{summary.labels['right_answer']}: {k.right_answer}") in text
    assert summary.headings["knowledge"] in outline(pdf)


def test_next_steps_leaning_change_and_others_print_under_their_own_headings(ray):
    summary, pdf = ray
    headings = outline(pdf)
    text = said(text_of(pdf))
    for key in ("next_steps", "leaning", "others"):
        assert summary.headings[key] in headings
    assert summary.next_steps and summary.leaning_change and summary.others
    for step in summary.next_steps:
        assert said(step.about) in text
        for item in step.items:
            assert said(f"{item.label}: {item.text}") in text
    assert said(summary.leaning_change) in text
    for other in summary.others:
        assert said(f"{other.label} {other.value}") in text
    # The order of the Markdown: next steps, leaning, role, others, questions.
    order = [headings.index(summary.headings[k]) for k in ("readiness", "next_steps", "leaning", "others")]
    assert order == sorted(order)


def test_a_partners_view_prints_as_typed_and_never_runs_as_markup(ray):
    summary, pdf = ray
    text = text_of(pdf)
    assert "She says *wait* #set text(red) $x$ ]" in text
    assert summary.labels["others_view"] in text


def test_the_sections_keep_pdf_ua_1_and_lists_stay_lists(ray, tmp_path):
    summary, pdf = ray
    assert pdf_ua_findings(pdf, tmp_path) == []
    found = roles(pdf)
    headings = [r for r in found if r.startswith("/H")]
    levels = [int(r[2:]) for r in headings]
    # No heading skips a level: each is at most one deeper than the one before it.
    assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False))
    assert found.count("/TH") >= 2 * len(summary.outcomes)


def test_the_first_page_says_it_is_not_yet_clinically_reviewed_under_the_title(content):
    session = Session.model_validate_json((SESSIONS / "daniel-hemophilia-b.json").read_text())
    summary = build_summary(content, session, TODAY, "t")
    pdf = render_pdf(summary)
    first = said(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "Not yet clinically reviewed" in first
    for line in summary.banner:
        assert said(line) in first
    assert first.index("Not yet clinically reviewed") < first.index(summary.headings["about_you"])
    md = render_markdown(summary)
    assert md.index("Not yet clinically reviewed") < md.index(f"## {summary.headings['about_you']}")
    assert "Not yet clinically reviewed" in render_html(summary)


def test_a_recorded_sign_off_replaces_not_yet_reviewed_in_every_format(content):
    about = content.about.model_copy(
        update={
            "clinical_signoff": ClinicalSignoff(
                by="Dr A. Example",
                credentials="consultant haematologist",
                interests="None declared.",
                date=dt.date(2026, 12, 1),
            )
        }
    )
    summary = build_summary(content.model_copy(update={"about": about}), Session(), TODAY, "t")
    for text in (said(text_of(render_pdf(summary))), render_markdown(summary), render_html(summary)):
        assert "Not yet clinically reviewed" not in text
        assert "Dr A. Example" in text


def test_option_details_without_a_fit_sit_under_their_own_heading_with_no_level_skipped():
    summary = dataclasses.replace(sample_summary(), fit_available=False, grid_priorities=())
    with_details = [f for f in summary.fits if f.status_note or f.limits_crossed or f.flags]
    assert with_details
    found = [r for r in roles(render_pdf(summary)) if r.startswith("/H")]
    fit = found.index("/H1", found.index("/H1") + 3)  # about you, priorities, limits, then the fit
    part = found[fit : found.index("/H1", fit + 1)]
    assert part[:2] == ["/H1", "/H2"]
    assert part.count("/H3") == len(with_details)
    md = render_markdown(summary)
    assert md.count("\n### ") >= 1 and md.count("\n#### ") == len(with_details)


def test_the_markdown_and_html_print_the_same_outcome_table_after_the_fit(ray):
    summary, pdf = ray
    md = render_markdown(summary)
    start = md.index(f"## {summary.outcomes_title}")
    assert md.index(f"## {summary.headings['fit']}") < start < md.index(f"## {summary.headings['knowledge']}")
    page = render_html(summary)
    for view in summary.outcomes:
        assert f"### {view.name}\n\n| Question | {view.name} |" in md
        assert f"<th>{view.name}</th>" in page
        assert view.bleeds[0].lines[0].value in md
    # The PDF puts the table in the same place.
    headings = outline(pdf)
    assert headings.index(summary.headings["fit"]) < headings.index(summary.outcomes_title)
    assert headings.index(summary.outcomes_title) < headings.index(summary.headings["knowledge"])


def test_no_limits_chosen_reads_the_same_in_every_format(content):
    summary = build_summary(content, Session(), TODAY, "t")
    assert summary.hard_limits == ()
    words = content.text("summary.none")
    limits = summary.headings["limits"]
    after = summary.headings["fit"]
    for text in (said(text_of(render_pdf(summary))), render_markdown(summary), render_html(summary)):
        part = text[text.index(limits) + len(limits) : text.index(after)]
        assert words in part, part
        assert summary.empty not in part, part
