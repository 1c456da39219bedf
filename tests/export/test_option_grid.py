"""The one-page option grid (issue 15): the options the person weighs as columns, the questions
patients ask as rows, every answer citing its sources or saying "not known", the same cells in
the PDF, the Markdown and the HTML, and the PDF's grid a real table that keeps PDF/UA-1."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from decisionaid.domain.option_grid import MAX_COLUMNS, ROWS, option_grid
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.option_grid import cell_words
from decisionaid.export.pdf import render_pdf
from tests.export.test_pdf_accessible import pdf_ua_findings, structure, text_of

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def ray(content):
    """Ray uses emicizumab (Hemlibra), lives in the EU and now leans to Roctavian."""
    session = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    session = session.model_copy(
        update={"leaning": "roctavian", "profile": session.profile.model_copy(update={"region": "eu"})}
    )
    summary = build_summary(content, session, TODAY, "t")
    return summary, render_pdf(summary)


def said(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def test_a_person_on_emicizumab_leaning_to_roctavian_gets_both_columns(ray, content):
    summary, _ = ray
    grid = summary.grid
    assert grid is not None
    assert [(c.option_id, c.role) for c in grid.columns] == [
        ("emicizumab", "What you use now"),
        ("roctavian", "Where you lean now"),
    ]
    assert [r.question for r in grid.rows] == [content.text(f"grid.row.{r}") for r in ROWS]


def test_every_cell_cites_a_source_in_the_printed_list_or_says_it_is_not_known(ray):
    summary, _ = ray
    for row in summary.grid.rows:
        assert len(row.cells) == len(summary.grid.columns)
        for cell in row.cells:
            assert cell.text.strip()
            if cell.known:
                assert cell.refs, (row.question, cell.text)
                assert all(1 <= n <= len(summary.sources) for n in cell.refs)
            else:
                assert cell.text.startswith("Not known"), cell.text


def test_a_cells_numbers_point_at_its_own_sources_in_the_reference_list(ray, content):
    summary, _ = ray
    licence = summary.grid.rows[ROWS.index("licence")].cells[1]  # Roctavian in the EU
    assert licence.sources == ("ema-roctavian",)
    (number,) = licence.refs
    assert content.sources["ema-roctavian"].title in summary.sources[number - 1]


def test_the_pdf_the_markdown_and_the_html_carry_the_same_cells(ray):
    summary, pdf = ray
    text = said(text_of(pdf))
    md = said(render_markdown(summary))
    page = said(html.unescape(re.sub(r"<[^>]+>", " ", render_html(summary))))
    assert said(summary.grid.title) in text and said(summary.grid.title) in md
    for row in summary.grid.rows:
        for cell in row.cells:
            words = said(cell_words(cell))
            assert words in text, words
            assert words in md, words
            assert words in page, words


def test_the_pdf_grid_is_a_table_whose_header_cells_name_the_options_and_pdf_ua_holds(ray, tmp_path):
    summary, pdf = ray
    elements = structure(pdf)
    tables = [i for i, e in enumerate(elements) if e.role == "/Table"]
    # The alignment grid, the option grid, the bleeds a year on each option (a table per
    # type shown), then one outcome table per option.
    assert len(tables) == 2 + len(summary.bleed_rates.tables) + len(summary.outcomes)
    start, end = tables[1], tables[2]
    headers = [e for e in elements[start:end] if e.role == "/TH"]
    assert len(headers) == 1 + len(summary.grid.columns)
    assert all(h.scopes == ("/Column",) for h in headers)
    cells = [e for e in elements[start:end] if e.role == "/TD"]
    assert len(cells) == len(ROWS) * (1 + len(summary.grid.columns))
    assert pdf_ua_findings(pdf, tmp_path) == []


def test_more_than_four_options_keeps_four_columns_and_names_the_rest(content):
    picks = ["fitusiran", "concizumab", "factor8-extended", "factor8-standard"]
    session = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    session = session.model_copy(update={"leaning": "roctavian", "compare_picks": picks})
    grid = build_summary(content, session, TODAY, "t").grid
    assert len(grid.columns) == MAX_COLUMNS
    assert grid.left_out is not None
    for name in ("Long-acting factor VIII", "Standard factor VIII"):
        assert name in grid.left_out
    assert all(c.name not in grid.left_out for c in grid.columns)


def test_with_no_option_named_the_grid_says_so_plainly_and_prints_no_empty_table(content):
    summary = build_summary(content, Session(), TODAY, "t")
    assert summary.grid.columns == ()
    assert summary.grid.none
    md = render_markdown(summary)
    assert summary.grid.none in md
    pdf = render_pdf(summary)
    assert said(summary.grid.none) in said(text_of(pdf))
    from tests.export.test_pdf_sections import outline

    # The heading stays above the words (a Typst `return` once dropped it), and no table is drawn.
    assert summary.grid.title in outline(pdf)
    alignment_grid = bool(summary.fit_available and summary.fits and summary.grid_priorities)
    rates = len(summary.bleed_rates.tables)
    assert sum(e.role == "/Table" for e in structure(pdf)) == len(summary.outcomes) + alignment_grid + rates


def test_where_the_person_has_not_said_where_he_lives_the_licence_is_not_known(content):
    session = Session.model_validate_json((SESSIONS / "daniel-hemophilia-b.json").read_text())
    session = session.model_copy(update={"compare_picks": ["hemgenix"]})
    grid = build_summary(content, session, TODAY, "t").grid
    own, other = grid.rows[ROWS.index("licence")].cells[:2]
    assert [c.option_id for c in grid.columns][:2] == ["factor9-extended", "hemgenix"]
    assert not other.known and other.text.startswith("Not known")
    # His own product: no "ask if it is offered where you live" (review R6-7).
    assert own.text == content.text("grid.licence.yours")


def test_a_column_the_aid_set_apart_for_the_person_says_so_with_why(content):
    # Review R6-4: a woman who could become pregnant saw Hemgenix's EU licence line.
    profile = Profile(hemophilia_type="B", sex="female", pregnancy_possible="yes", region="eu")
    grid = option_grid(content, Session(profile=profile, compare_picks=["hemgenix", "factor9-standard"]))
    column = [c.option_id for c in grid.columns].index("hemgenix")
    licence = grid.rows[ROWS.index("licence")].cells[column]
    assert licence.text.startswith(content.text("summary.apart.not_for_you"))


def test_a_one_time_treatment_says_no_doses_a_year_of_zero(content):
    grid = option_grid(content, Session(profile=Profile(hemophilia_type="B"), compare_picks=["hemgenix"]))
    given = grid.rows[ROWS.index("given")].cells[0]
    assert "Doses a year: 0" not in given.text and given.text


def test_stay_as_you_are_stands_for_the_product_he_uses_now(content):
    session = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    session = session.model_copy(update={"leaning": "current", "compare_picks": ["current", "roctavian"]})
    grid = build_summary(content, session, TODAY, "t").grid
    assert [c.option_id for c in grid.columns] == ["emicizumab", "roctavian"]


def test_the_grid_sits_between_the_fit_and_the_outcome_table_in_every_format(ray):
    from tests.export.test_pdf_sections import outline

    summary, pdf = ray
    order = [summary.headings["fit"], summary.grid.title, summary.outcomes_title]
    md = render_markdown(summary)
    assert [md.index(f"## {h}") for h in order] == sorted(md.index(f"## {h}") for h in order)
    headings = outline(pdf)
    assert [headings.index(h) for h in order] == sorted(headings.index(h) for h in order)


def test_a_withdrawn_option_picked_on_compare_says_it_is_no_longer_offered_not_an_unknown_licence(content):
    session = Session.model_validate_json((SESSIONS / "daniel-hemophilia-b.json").read_text())
    session = session.model_copy(
        update={"compare_picks": ["beqvez"], "profile": session.profile.model_copy(update={"region": "eu"})}
    )
    grid = build_summary(content, session, TODAY, "t").grid
    beqvez = [c.option_id for c in grid.columns].index("beqvez")
    licence = grid.rows[ROWS.index("licence")].cells[beqvez]
    assert licence.text == content.option("beqvez").availability
    assert licence.known and licence.refs


def test_a_person_who_names_one_option_sees_the_options_open_to_him_in_the_fixed_order(content):
    """Review M6-3: one column compared nothing for the person unsure where he leans; the
    options scored for him follow, what he uses now first, then A to Z, at most 4 shown."""
    from decisionaid.domain.content import in_shown_order
    from decisionaid.domain.eligibility import standing

    daniel = Session(profile=Profile(hemophilia_type="B", current_treatment="factor9-extended"))
    grid = option_grid(content, daniel)
    scored = in_shown_order(standing(content, daniel.profile)[0], "factor9-extended")
    assert [c.option_id for c in grid.columns] == [o.id for o in scored][:4]
    assert grid.columns[0].option_id == "factor9-extended"
    assert grid.columns[1].role == content.text("grid.role.scored")
    assert grid.intro == content.text("grid.filled")  # review V7-5: above the grid, not after it
    assert all(o.name in grid.left_out for o in scored[4:])


def test_a_grid_with_no_type_known_still_says_how_to_set_others_beside_the_one_named(content):
    sam = Session(profile=Profile(hemophilia_type="not_sure", current_treatment="factor9-extended"))
    grid = option_grid(content, sam)
    assert len(grid.columns) == 1
    assert grid.left_out == content.text("grid.one_type_unknown")


@pytest.mark.parametrize(
    ("profile", "option_id", "group"),
    [
        # Review R6-2: the grid took each option's first bleed row, whoever read it.
        (
            dict(hemophilia_type="A", inhibitors="never", current_treatment="factor8-standard"),
            "marstacimab",
            "People who used regular factor",
        ),
        (
            dict(hemophilia_type="B", inhibitors="never", current_treatment="factor-on-demand"),
            "concizumab",
            "People without inhibitors",
        ),
        (
            dict(hemophilia_type="A", inhibitors="now", current_treatment="emicizumab"),
            "concizumab",
            "People with inhibitors",
        ),
    ],
)
def test_the_grid_gives_the_bleed_row_about_people_like_the_reader(content, profile, option_id, group):
    from decisionaid.domain.option_grid import bleed_row

    profile = Profile(**profile)
    now = content.option(profile.current_treatment)
    row = bleed_row(content.outcomes_for(option_id).bleeds, profile, now)
    assert row.group == group
    session = Session(profile=profile, compare_picks=[option_id])
    grid = option_grid(content, session)
    column = [c.option_id for c in grid.columns].index(option_id)
    bleeds = next(r for r in grid.rows if r.question == content.text("grid.row.bleeds"))
    assert row.who in bleeds.cells[column].text


def test_each_harm_in_the_grid_says_who_was_counted(content):
    # Review R6-5: "about 21 in 100" read as Hemgenix's own rate; it is pooled over 184
    # people in 12 gene-therapy trials.
    grid = option_grid(content, Session(profile=Profile(hemophilia_type="B"), compare_picks=["hemgenix"]))
    harms = grid.rows[ROWS.index("harms")].cells[0]
    for harm in content.outcomes_for("hemgenix").harms[:2]:
        assert harm.who in harms.text


def test_the_grid_says_why_gene_therapys_all_cause_number_cannot_be_set_beside_the_others(content):
    """Review V8-1: the grid is the page built for side-by-side reading."""
    daniel = Session(profile=Profile(hemophilia_type="B", current_treatment="factor9-extended"))
    grid = option_grid(content, daniel)
    column = [c.option_id for c in grid.columns].index("hemgenix")
    harms = next(r for r in grid.rows if r.question == content.text("grid.row.harms"))
    assert "cannot be set beside theirs" in harms.cells[column].text


def test_a_woman_reads_in_the_grid_what_gene_therapy_asks_of_her_not_of_a_man(content):
    """Found by the e2e walk of the 41-year-old woman once the grid filled (review M6-3)."""
    woman = Session(profile=Profile(hemophilia_type="B", sex="female", current_treatment="factor-on-demand"))
    grid = option_grid(content, woman)
    column = [c.option_id for c in grid.columns].index("hemgenix")
    family = next(r for r in grid.rows if r.question == content.text("grid.row.family"))
    assert "For a man" not in family.cells[column].text
    assert "no data on its use in women" in family.cells[column].text
