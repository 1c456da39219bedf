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
        ("roctavian", "Where you lean now. It crosses a limit you set"),  # review M7-1
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


def test_a_person_who_names_one_option_sees_one_of_each_kind_of_treatment_open_to_him(content):
    """Review M6-3: one column compared nothing for the person unsure where he leans; the
    options scored for him follow. Review V7-5: filled A to Z, the brand names came first and
    Daniel's grid held no factor but his own. Review R13-1: the first from A to Z made Alhemo
    the example of the other medicines for nearly everyone. Now: what he uses now first, then
    one of each kind of treatment (factor, other medicines, gene therapy), kinds he already
    has a column of last; within a kind, the option studied in the most people."""
    from decisionaid.domain.content import in_shown_order
    from decisionaid.domain.eligibility import standing

    daniel = Session(profile=Profile(hemophilia_type="B", current_treatment="factor9-extended"))
    grid = option_grid(content, daniel)
    shown = [content.option(c.option_id) for c in grid.columns]
    assert [o.id for o in shown] == ["factor9-extended", "fitusiran", "hemgenix", "factor9-standard"]
    assert grid.columns[1].role.startswith(content.text("grid.role.scored.non-factor"))
    assert grid.intro == content.text("grid.filled")  # review V7-5: above the grid, not after it
    scored = in_shown_order(standing(content, daniel.profile)[0], "factor9-extended")
    assert all(o.name in grid.left_out for o in scored if o not in shown and o.kind != "current")

    on_factor = Session(profile=Profile(hemophilia_type="A", current_treatment="factor8-standard"))
    ids = [c.option_id for c in option_grid(content, on_factor).columns]
    assert "emicizumab" in ids, ids  # R13-1: the most studied other medicine, not Alhemo by spelling


def test_the_most_studied_counts_only_studies_of_the_option_itself(content):
    """Review M8-8: standard factor VIII scored 83 from people on any regular factor before a
    trial of Hympavzi, and both factor IX options 54 from the time before Hemgenix."""
    from decisionaid.domain.option_grid import people_studied

    for option in content.options:
        table = content.outcomes_for(option.id)
        own = [row.people or 0 for row in table.bleeds if row.same_product] if table else []
        assert people_studied(content, option) == max(own, default=0), option.id
    assert people_studied(content, content.option("factor8-standard")) == 66  # the Advate trial
    assert people_studied(content, content.option("factor9-standard")) == 0  # only HOPE-B's lead-in
    assert "A to Z" in content.text("grid.filled")  # the tie-break is said


def test_a_filled_grid_takes_options_inside_his_hard_limits_first_and_marks_any_that_cross_one(content):
    """Review M7-1: Ray ruled out a treatment that cannot be undone; the filled grid gave him
    Roctavian, labelled "open to you", and did not say it crosses his limit."""
    ray = Session(
        profile=Profile(hemophilia_type="A", current_treatment="emicizumab"), hard_limits=["cannot_undo"]
    )
    grid = option_grid(content, ray)
    assert "roctavian" not in [c.option_id for c in grid.columns]
    assert len(grid.columns) == 4
    picked = ray.model_copy(update={"compare_picks": ["roctavian"]})
    columns = {c.option_id: c.role for c in option_grid(content, picked).columns}
    assert content.text("grid.role.crosses_limit") in columns["roctavian"]
    assert content.text("grid.role.crosses_limit") not in columns["emicizumab"]


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


def _row(content, grid, key: str):
    return next(r for r in grid.rows if r.question == content.text(f"grid.row.{key}"))


def test_the_grid_reads_the_product_he_uses_now_as_staying_on_it_as_the_fit_does(content):
    """Review V8-11: the grid printed a card's own start-up reason for the product he is on
    (Alprolix: "the first doses are given where an allergic reaction can be treated"), while
    the fit, rightly, read staying on it as asking nothing new."""
    daniel = Session(profile=Profile(hemophilia_type="B", current_treatment="factor9-extended"))
    grid = option_grid(content, daniel)
    column = [c.option_id for c in grid.columns].index("factor9-extended")
    assert _row(content, grid, "first_year").cells[column].text == content.text("fit.start_up_now")


def test_the_on_demand_column_does_not_tell_a_man_on_prevention_that_he_uses_it_now(content):
    """Review V8-11: Daniel, on Alprolix, picks on-demand on Compare; switching is a change."""
    daniel = Session(
        profile=Profile(hemophilia_type="B", current_treatment="factor9-extended"),
        compare_picks=["factor-on-demand"],
    )
    grid = option_grid(content, daniel)
    column = [c.option_id for c in grid.columns].index("factor-on-demand")
    assert "You use it now" not in _row(content, grid, "first_year").cells[column].text


def test_a_womans_grid_gives_her_scores_reasons_where_they_differ(content):
    """The grid reads each option as the fit scores it for her (model review M2-12)."""
    woman = Session(profile=Profile(hemophilia_type="A", sex="female", current_treatment="factor8-standard"))
    grid = option_grid(content, woman)
    checked = 0
    for column, option_id in enumerate(c.option_id for c in grid.columns):
        own = content.option(option_id).for_women.get("first_year")
        if own is not None:
            assert _row(content, grid, "first_year").cells[column].text == own.reason
            checked += 1
    assert checked, [c.option_id for c in grid.columns]


def test_the_grid_reads_a_score_his_answers_change_as_the_fit_does(content):
    """Review M7-5: the grid's named columns skipped the scores a person's answers change
    (`for_person`); no shipped first-year score has such a variant yet, so one is added here."""
    from decisionaid.domain.content import AttributeScore, ScoreVariant
    from decisionaid.domain.fit_options import as_scored

    option = content.option("hemgenix")
    first = option.attributes["first_year"]
    variant = ScoreVariant(
        when={"severity": ["moderate"]},
        score=first.score,
        low=first.low,
        high=first.high,
        reason="Only for moderate hemophilia.",
        source=first.source,
    )
    changed = option.model_copy(
        update={
            "attributes": {
                **option.attributes,
                "first_year": AttributeScore(**{**first.model_dump(), "variants": [variant.model_dump()]}),
            }
        }
    )
    moderate = Profile(hemophilia_type="B", severity="moderate")
    assert (
        as_scored(content, moderate, changed).attributes["first_year"].reason
        == "Only for moderate hemophilia."
    )
    severe = Profile(hemophilia_type="B", severity="severe")
    assert as_scored(content, severe, changed).attributes["first_year"].reason == first.reason


def test_the_grid_prints_no_words_about_the_fits_ranges(content):
    """Review R13-4: the grid printed fit jargon ("so the range reaches one level lower"),
    though it shows no ranges; what the sentence says before it is kept."""
    from decisionaid.domain.option_grid import without_range_talk

    said = "We could not read the label's pregnancy section, so the range reaches one level lower."
    assert without_range_talk(f"Tests set the dose. {said}") == (
        "Tests set the dose. We could not read the label's pregnancy section."
    )
    assert (
        without_range_talk(
            "Tests. So the score stays at the first year's level and the range reaches the top."
        )
        == "Tests."
    )
    for option in content.options:
        for attribute in ("first_year", "track_record", "future_options"):
            score = option.attributes.get(attribute)
            if score is not None:
                text = without_range_talk(score.reason)
                assert not re.search(r"the range (also )?(reaches|cannot reach)", text), (
                    option.id,
                    attribute,
                )


def test_no_grid_cell_ends_a_sentence_twice(content):
    """Review R13-4: Roctavian's bleeds cell read "... bigger than it is.. Who: ..."."""
    ray = Session(profile=Profile(hemophilia_type="A", current_treatment="emicizumab"), leaning="roctavian")
    grid = option_grid(content, ray)
    cells = [cell.text.replace("...", "") for row in grid.rows for cell in row.cells]
    assert [c for c in cells if ".." in c] == []


def test_an_option_left_out_of_the_grid_that_crosses_his_limit_says_so(content):
    """Review M8-9: the left-out line named Roctavian with no word that it crosses his limit."""
    ray = Session(
        profile=Profile(hemophilia_type="A", current_treatment="emicizumab"), hard_limits=["cannot_undo"]
    )
    grid = option_grid(content, ray)
    assert content.text("grid.left_out.crosses", name="Roctavian") in grid.left_out
    crossing_free = [
        o for o in ("Hympavzi", "Alhemo") if f"{o};" in grid.left_out or f"{o}." in grid.left_out
    ]
    assert crossing_free, grid.left_out  # the others are named plainly
