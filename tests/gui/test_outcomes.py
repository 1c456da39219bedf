"""The outcome table on screen: on every option card, and as one table on Compare (issue 15)."""

from __future__ import annotations

import json

import flet as ft

from decisionaid.domain.eligibility import for_type
from decisionaid.domain.outcome_view import ROWS, outcome_view
from decisionaid.domain.session import Profile, Session
from decisionaid.gui.app import make_app
from decisionaid.storage import SessionStore
from tests.content_once import loaded
from tests.gui.harness import start_app


async def open_as(shipped_content, tmp_path, route, width=1280, **profile):
    SessionStore(tmp_path).save(Session(profile=Profile(**profile)))
    return await start_app(make_app(shipped_content, tmp_path), route=route, width=width, height=900)


def texts_under(app, identifier: str) -> list[str]:
    return [
        c.value
        for c in app.controls(app.semantics(identifier))
        if isinstance(c, ft.Text) and isinstance(c.value, str)
    ]


async def test_every_option_card_shows_its_outcome_table_as_labelled_lines_with_sources(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    app = await open_as(shipped_content, tmp_path, "/options", hemophilia_type="B")
    for option in for_type(content, Profile(hemophilia_type="B")):
        if option.kind == "current":
            continue
        shown = texts_under(app, f"outcomes-{option.id}")
        view = outcome_view(content, option)
        assert content.text("outcomes.title") in shown, option.id
        for bleed in view.bleeds:
            for line in bleed.lines:
                assert f"{line.label}: {line.value}" in shown, (option.id, line)
        for harm in view.harms:
            assert f"{harm.harm}: {harm.value}" in shown, (option.id, harm)
        assert f"{content.text('outcomes.sources_label')}: {'; '.join(view.sources)}" in shown
    # The numbers, each its own labelled line a screen reader reads in place.
    hemgenix = texts_under(app, "outcomes-hemgenix")
    assert (
        "Bleeds a year: All bleeds, treated or not. "
        "Before: 4.2 a year (average). On it: 1.5 a year (average)." in hemgenix
    )
    assert "Change: 63% fewer bleeds than in the comparison" in hemgenix


async def test_the_outcome_headings_sit_under_the_card_heading_without_skipping_a_level(
    shipped_content, tmp_path
):
    app = await open_as(shipped_content, tmp_path, "/options", hemophilia_type="A")
    card = app.semantics("outcomes-emicizumab")
    levels = [c.heading_level for c in app.controls(card) if isinstance(c, ft.Semantics) and c.header]
    assert levels[0] == 3 and set(levels[1:]) == {4}


async def test_the_stay_as_you_are_card_shows_the_table_of_the_product_used_now(shipped_content, tmp_path):
    content = loaded(shipped_content)
    app = await open_as(
        shipped_content, tmp_path, "/options", hemophilia_type="A", current_treatment="emicizumab"
    )
    shown = texts_under(app, "outcomes-current")
    assert content.text("outcomes.current") in shown
    assert content.option("emicizumab").name in shown
    assert any(t.startswith("TMA (damage from tiny clots)") for t in shown)


async def test_the_stay_as_you_are_card_asks_for_the_treatment_when_it_is_not_known(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    app = await open_as(shipped_content, tmp_path, "/options", hemophilia_type="A")
    assert content.text("outcomes.current_unknown") in texts_under(app, "outcomes-current")


async def test_compare_shows_one_outcome_table_for_the_options_picked(shipped_content, tmp_path):
    content = loaded(shipped_content)
    data = tmp_path / "data"
    data.mkdir()
    session = {
        "schema_version": 1,
        "profile": {"hemophilia_type": "B"},
        "compare_picks": ["hemgenix", "fitusiran"],
    }
    (data / "session.json").write_text(json.dumps(session))
    app = await start_app(make_app(shipped_content, data), route="/compare", width=1280, height=900)
    block = app.semantics("outcomes-compare")
    tables = [c for c in app.controls(block) if isinstance(c, ft.DataTable)]
    assert len(tables) == 1
    table = tables[0]
    # Header cells name the options; the first cell of each row names the question.
    headers = [c.label.value for c in table.columns]
    assert headers == [content.text("compare.question"), "Hemgenix", "Qfitlia"]
    questions = [row.cells[0].content.content.value for row in table.rows]
    assert questions == [content.text(f"outcomes.row.{r}") for r in ROWS]
    fitusiran = outcome_view(content, content.option("fitusiran"))
    cells = {row.cells[0].content.content.value: row.cells[2].content.content.value for row in table.rows}
    assert cells[content.text("outcomes.row.compared_with")] == fitusiran.cell("compared_with")
    assert (  # review M6-2: no change is given against groups not drawn by chance
        "Against bypassing medicine only when you bleed: " + content.text("outcomes.change.not_fair")
        in cells[content.text("outcomes.row.change")]
    )
    assert cells[content.text("outcomes.row.sources")] == "; ".join(fitusiran.sources)


async def test_compare_lists_the_outcomes_option_by_option_on_a_phone(shipped_content, tmp_path):
    content = loaded(shipped_content)
    data = tmp_path / "data"
    data.mkdir()
    session = {"schema_version": 1, "profile": {"hemophilia_type": "A"}, "compare_picks": ["emicizumab"]}
    (data / "session.json").write_text(json.dumps(session))
    app = await start_app(make_app(shipped_content, data), route="/compare", width=390, height=844)
    shown = texts_under(app, "outcomes-compare")
    assert not [c for c in app.controls(app.semantics("outcomes-compare")) if isinstance(c, ft.DataTable)]
    view = outcome_view(content, content.option("emicizumab"))
    assert f"{view.harms[0].harm}: {view.harms[0].value}" in shown


async def test_a_man_with_an_inhibitor_reads_hemlibras_risk_with_apcc_first_on_its_card(
    shipped_content, tmp_path
):
    # Fourth methods review M4-4: the card opened with the rate over all 401 people, most of
    # whom were never given aPCC; the harm about people with inhibitors now comes first.
    content = loaded(shipped_content)
    apcc = next(h for h in content.outcomes_for("emicizumab").harms if h.inhibitors == "now")
    app = await open_as(shipped_content, tmp_path, "/options", hemophilia_type="A", inhibitors="now")
    shown = texts_under(app, "outcomes-emicizumab")
    harms = [
        line
        for line in shown
        if any(line.startswith(f"{h.harm}: ") for h in content.outcomes_for("emicizumab").harms)
    ]
    assert harms[0].startswith(f"{apcc.harm}: ")
