"""Content Markdown on the screen: headings are headings, items and cells are their own nodes
(audit D5: Flet's Markdown read all of it as flat text, a reading as one long label)."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import flet as ft

from decisionaid.domain.references import number_citations
from decisionaid.gui.app import make_app
from decisionaid.gui.controls import BODY_SIZE
from decisionaid.gui.markdown_view import markdown_view
from tests.content_once import loaded
from tests.gui.harness import start_app

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)


def source_headings(text: str) -> list[tuple[int, str]]:
    """The headings of a Markdown source, read with a plain pattern (not the renderer)."""
    return [(len(marks), words) for marks, words in HEADING.findall(text)]


def shown_headings(app, root=None) -> list[tuple[int, str]]:
    """What a screen reader is told is a heading: its level and its words."""
    return [
        (c.heading_level, c.content.value)
        for c in app.controls(root)
        if isinstance(c, ft.Semantics) and c.header and isinstance(c.content, ft.Text)
    ]


def walk(root: ft.Control) -> list[ft.Control]:
    """Every control under `root`, without a page."""
    found = [root]
    for name in ("content", "controls", "columns", "rows", "cells", "label"):
        child = getattr(root, name, None)
        for c in child if isinstance(child, list) else [child]:
            if isinstance(c, ft.BaseControl):
                found += walk(c)
    return found


async def test_an_opened_reading_exposes_each_of_its_headings_as_a_heading_under_the_page_one(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    module = content.modules[0]
    (patient,), _ = number_citations([module.body.patient], content.sources)
    expected = source_headings(patient)
    assert len(expected) >= 5 and {level for level, _ in expected} == {3}
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/learn")
    # Readings are closed: the page's h1 and the "before you start reading" block only.
    assert shown_headings(app) == [(1, content.text("step.learn.title")), (2, content.text("start.title"))]
    await app.open_fold(f"module-{module.id}")

    shown = shown_headings(app, app.by_identifier(f"module-{module.id}"))
    # The reading's ### follow the page's h1: they are h2, in the reading's order.
    assert shown[: len(expected)] == [(2, words) for _, words in expected]


async def test_the_about_page_has_one_h1_and_its_sections_as_h2(shipped_content, tmp_path):
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/about")
    shown = shown_headings(app)
    assert shown[0] == (1, content.about.title)
    assert [level for level, _ in shown].count(1) == 1
    sections = [words for _, words in source_headings(content.about.body.patient)]
    assert [words for level, words in shown if level == 2][: len(sections)] == sections
    levels = [level for level, _ in shown]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


async def test_the_summary_preview_headings_nest_under_the_page_heading(shipped_content, tmp_path):
    shutil.copy(SESSIONS / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")
    levels = [level for level, _ in shown_headings(app)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert len(levels) > 5
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


def test_each_list_item_is_its_own_node_with_its_marker_beside_its_words():
    shown = markdown_view("- one\n- two **bold**\n", 1.0)
    items = [c for c in walk(shown) if isinstance(c, ft.Semantics) and isinstance(c.content, ft.Row)]
    assert len(items) == 2
    markers = [c.value for item in items for c in walk(item) if isinstance(c, ft.Text) and c.value == "•"]
    assert markers == ["•", "•"]
    bold = [s for c in walk(shown) if isinstance(c, ft.Text) for s in c.spans or [] if s.text == "bold"]
    assert bold and bold[0].style.weight == ft.FontWeight.W_700


def test_a_table_is_a_data_table_whose_header_row_holds_the_column_names():
    shown = markdown_view("| Question | Your answer |\n|---|---|\n| Type | B |\n", 1.0)
    (table,) = [c for c in walk(shown) if isinstance(c, ft.DataTable)]
    assert [c.label.value for c in table.columns] == ["Question", "Your answer"]
    assert [[cell.content.value for cell in row.cells] for row in table.rows] == [["Type", "B"]]
    # Rows grow with wrapped text instead of cutting it off.
    assert table.data_row_max_height == float("inf")


def test_a_quote_takes_its_colours_from_the_theme_and_a_link_is_named_by_its_words():
    shown = markdown_view("> Close call. See [the label](https://example.org).", 1.0)
    (box,) = [c for c in walk(shown) if isinstance(c, ft.Container) and c.bgcolor]
    assert box.bgcolor == ft.Colors.SURFACE_CONTAINER_HIGH
    (link,) = [s for c in walk(shown) if isinstance(c, ft.Text) for s in c.spans or [] if s.url]
    assert (link.text, link.url, link.style.color) == ("the label", "https://example.org", ft.Colors.PRIMARY)


def test_markers_and_column_headers_grow_with_the_text_size():
    def sizes(scale: float) -> tuple[float, float]:
        shown = markdown_view("10. ten\n\n| A long column header here | b |\n|---|---|\n", scale)
        marker = next(c for c in walk(shown) if isinstance(c, ft.Text) and c.value == "10.")
        table = next(c for c in walk(shown) if isinstance(c, ft.DataTable))
        return marker.width, table.heading_row_height

    (marker, header), (marker2, header2) = sizes(1.0), sizes(2.0)
    assert marker >= 2 * BODY_SIZE and marker2 >= 2 * marker - 1
    assert header2 > header


def test_odd_text_renders_without_an_error():
    for text in ("", "**", "<b>x</b>", "| a |\n|---|", "> ", "1.", "#", "- \n  - \n"):
        assert isinstance(markdown_view(text, 1.0), ft.Column)


async def test_a_notice_above_the_summary_preview_does_not_draw_the_preview_again(shipped_content, tmp_path):
    """The preview is hundreds of controls: rebuilt and diffed on each notice, it held the
    event loop every session shares (tests/gui/test_off_the_loop.py)."""
    shutil.copy(SESSIONS / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")

    def preview() -> ft.Column:
        return next(c for c in app.controls() if isinstance(c, ft.Column) and isinstance(c.data, str))

    before, texts = preview(), len(app.texts())
    await app.click("save-md")
    assert len(app.texts()) > texts, "no notice appeared"
    assert preview() is before


def test_a_table_scrolls_sideways_and_its_cells_wrap_within_their_column():
    """At 200% on a phone a two-column table cut its second column off (and Flet's
    Markdown broke words, audit D29): columns have a width, the table scrolls sideways."""
    from decisionaid.gui.markdown_view import CELL_WIDTH

    shown = markdown_view(
        "| Question | Your answer |\n|---|---|\n| Antibodies to the virus shell (AAV) | No |\n", 2.0
    )
    (row,) = [c for c in walk(shown) if isinstance(c, ft.Row) and c.scroll]
    (table,) = [c for c in walk(row) if isinstance(c, ft.DataTable)]
    widths = [c.label.width for c in table.columns]
    assert widths[0] == CELL_WIDTH and widths[1] < CELL_WIDTH
    assert [cell.content.width for cell in table.rows[0].cells] == widths
