"""IPDAS QI7, review M6-4: Compare shows the bleeds a year on each option of the person's type
in one place, before the outcome table, found the way a screen reader finds it."""

from __future__ import annotations

import json

import flet as ft
import pytest

from decisionaid.domain.bleed_rates import bleed_rates
from decisionaid.domain.session import Profile
from decisionaid.gui.app import make_app
from tests.content_once import loaded
from tests.gui.harness import start_app


async def open_compare(shipped_content, tmp_path, profile: dict, picks: list[str] | None):
    data = tmp_path / "data"
    data.mkdir()
    session = {"schema_version": 1, "profile": profile, "compare_picks": picks}
    (data / "session.json").write_text(json.dumps(session))
    return await start_app(make_app(shipped_content, data), route="/compare", width=1280, height=900)


def headings(app) -> list[tuple[int, str, str | None]]:
    """Every heading on the page: its level, its words (its accessible name) and the identifier
    of the block it stands in."""
    return [
        (c.heading_level, c.content.value, block)
        for c, block in app.controls_in_context()
        if isinstance(c, ft.Semantics) and c.header and isinstance(c.content, ft.Text)
    ]


def rows_read(app, identifier: str) -> list[str]:
    """What a screen reader reads in a block after its heading: each text node, in order."""
    return [
        c.content.value
        for c in app.controls(app.semantics(identifier))
        if isinstance(c, ft.Semantics) and c.container and not c.header and isinstance(c.content, ft.Text)
    ]


@pytest.mark.parametrize(
    ("profile", "picks"),
    [
        ({"hemophilia_type": "B", "current_treatment": "factor9-extended"}, ["hemgenix"]),
        ({"hemophilia_type": "A", "inhibitors": "now"}, None),  # nothing picked yet
        ({}, ["fitusiran"]),  # type not answered: a table for each type
    ],
)
async def test_compare_shows_the_bleeds_a_year_under_headings_one_row_a_node_before_the_outcome_table(
    shipped_content, tmp_path, profile, picks
):
    content = loaded(shipped_content)
    rates = bleed_rates(content, Profile(**profile))
    app = await open_compare(shipped_content, tmp_path, profile, picks)
    found = headings(app)
    # The section's heading, then a heading per type under it, announced as headings.
    assert (2, rates.title, "rates-compare") in found
    for table in rates.tables:
        identifier = f"rates-{table.hemophilia_type}"
        assert (3, table.title, identifier) in found
        lines = rows_read(app, identifier)
        assert lines == [row.line for row in table.rows]
        # One Text per row: the heavy Compare page grows by little.
        inside = list(app.controls(app.semantics(identifier)))
        assert len(inside) <= 4 + 2 * len(table.rows)  # the block, its column, its heading
    assert rates.intro in app.texts()
    ids = app.identifiers()
    if "outcomes-compare" in ids:  # before the per-option table, when options are picked
        assert ids.index("rates-compare") < ids.index("outcomes-compare")
    # Only the person's type, or both when it is not known.
    assert {i for i in ids if i in ("rates-A", "rates-B")} == {
        f"rates-{t.hemophilia_type}" for t in rates.tables
    }
