"""IPDAS QI7, review M6-4: the table of bleeds a year on each option says the same in the PDF,
the HTML and the Markdown, each type's table under its own heading, with header cells."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf
from tests.export.test_pdf_accessible import pdf_ua_findings, structure, text_of
from tests.export.test_pdf_sections import outline, said

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"


def summary_of(content, name: str, **profile):
    session = Session.model_validate_json((SESSIONS / f"{name}.json").read_text())
    session = session.model_copy(update={"profile": session.profile.model_copy(update=profile)})
    return build_summary(content, session, dt.date(2026, 12, 1), "t")


@pytest.fixture(scope="module")
def daniel(content):
    summary = summary_of(content, "daniel-hemophilia-b")
    return summary, render_pdf(summary)


@pytest.fixture(scope="module")
def type_unknown(content):
    summary = summary_of(content, "daniel-hemophilia-b", hemophilia_type=None)
    return summary, render_pdf(summary)


def md_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


@pytest.mark.parametrize("case", ["daniel", "type_unknown"])
def test_the_pdf_the_html_and_the_markdown_carry_the_same_rows_of_bleeds_a_year(case, request):
    summary, pdf = request.getfixturevalue(case)
    rates = summary.bleed_rates
    assert rates is not None and rates.tables
    assert [t.hemophilia_type for t in rates.tables] == (["B"] if case == "daniel" else ["A", "B"])
    md, page = render_markdown(summary), render_html(summary)
    text = said(text_of(pdf))
    headings = outline(pdf)
    assert f"### {rates.title}" in md and f"<h3>{html.escape(rates.title)}</h3>" in page
    assert rates.title in headings and said(rates.intro) in text and rates.intro in md
    for table in rates.tables:
        assert f"#### {table.title}" in md
        assert f"<h4>{html.escape(table.title)}</h4>" in page
        assert table.title in headings
        assert md_row(table.header) in md
        assert "".join(f"<th>{html.escape(h)}</th>" for h in table.header) in page.replace("\n", "")
        for row in table.rows:
            assert md_row(row.cells) in md, row.option_id
            cells = "".join(f"<td>{html.escape(c, quote=False)}</td>" for c in row.cells)
            assert cells in page.replace("\n", ""), row.option_id
            for cell in row.cells:
                assert said(cell) in text, (row.option_id, cell)
    # Set apart from the tables of each option weighed: before them, under the same heading.
    start = md.index(f"## {summary.outcomes_title}\n")
    first_option = min(md.index(f"\n### {v.name}\n", start) for v in summary.outcomes)
    assert start < md.index(f"### {rates.title}") < first_option


def test_each_types_table_in_the_pdf_is_tagged_with_a_header_cell_per_column(type_unknown, tmp_path):
    summary, pdf = type_unknown
    elements = structure(pdf)
    rates = summary.bleed_rates
    tables = sum(e.role == "/Table" for e in elements)
    # The alignment grid (no fit while the type is not known: none), the option grid, the
    # tables of bleeds a year, one outcome table per option.
    grids = 1 if summary.fit_available and summary.grid_priorities else 0
    assert tables == grids + 1 + len(rates.tables) + len(summary.outcomes)
    assert pdf_ua_findings(pdf, tmp_path) == []


@pytest.mark.parametrize("case", ["daniel", "type_unknown"])
def test_every_bleeds_a_year_rate_in_the_summary_is_printed_to_one_decimal(case, request, content):
    """The grid, the outcome tables and the bleeds-a-year table print one rate the same way
    (review V9-5: the grid's "5.09 a year" stood a few lines above the table's "5.1")."""
    summary, _ = request.getfixturevalue(case)
    md = render_markdown(summary)
    t = content.text
    statistics = "|".join(re.escape(t(f"outcomes.stat.{s}")) for s in ("average", "middle_value"))
    # "{value} a year ({statistic})": a rate of bleeds, not of doses ("about 37 to 52 a year").
    pattern = re.escape(t("outcomes.rate", value="@", statistic="@")).replace("@", r"(\S+)", 1)
    pattern = pattern.replace("@", f"(?:{statistics})")
    rates = re.findall(pattern, md)
    assert len(rates) > 5, "the summary prints hardly any rate of bleeds"
    assert [r for r in rates if not re.fullmatch(r"\d+\.\d", r)] == []
    # The same study's rate reads the same in the table and in the outcome table beside it.
    for table in summary.bleed_rates.tables:
        for row in table.rows:
            for number in re.findall(pattern, " ".join(row.cells)):
                assert len(re.findall(pattern.replace(r"(\S+)", re.escape(number)), md)) >= 2, (
                    row.option_id,
                    number,
                )
