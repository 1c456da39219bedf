"""Words explained: every term a heading, reached by name from the header of every page."""

from __future__ import annotations

import flet as ft
import pytest

from decisionaid.domain.glossary import alphabetical
from decisionaid.domain.outcome_view import short_citation
from decisionaid.gui.app import make_app
from decisionaid.gui.routes import JOURNEY
from tests.content_once import loaded
from tests.gui.harness import HeadlessApp, start_app


def headings(app: HeadlessApp, level: int) -> list[str]:
    """The words of every heading at `level`, in page order, as a screen reader lists them."""
    return [
        c.content.value
        for c in app.controls()
        if isinstance(c, ft.Semantics)
        and c.header
        and c.heading_level == level
        and isinstance(c.content, ft.Text)
    ]


def button_named(app: HeadlessApp, name: str) -> ft.BaseControl:
    """The one button whose accessible name (its words) is `name`."""
    found = [
        c
        for c in app.controls()
        if isinstance(c, ft.FilledButton | ft.OutlinedButton | ft.TextButton) and c.content == name
    ]
    assert len(found) == 1, f"{len(found)} buttons named {name!r}"
    return found[0]


async def test_words_explained_lists_every_term_a_to_z_as_a_heading_with_its_meaning(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/glossary")
    assert headings(app, 1) == [content.text("step.glossary.title")]
    assert headings(app, 2) == [t.term for t in alphabetical(content.glossary)]
    texts = app.texts()
    for term in content.glossary:
        assert term.definition in texts
    for term in (t for t in content.glossary if t.sources):
        cited = "; ".join(dict.fromkeys(short_citation(content.sources[s]) for s in term.sources))
        assert content.text("glossary.sources", sources=cited) in texts


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("step", JOURNEY, ids=lambda s: s.key)
async def test_words_explained_is_reached_by_name_from_the_header_of_every_journey_page(
    shipped_content, tmp_path, step, width
):
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route=step.path, width=width)
    name = content.text("nav.glossary" if width == 1280 else "nav.glossary_short")
    button = button_named(app, name)
    assert button.icon is not None
    await app.session.dispatch_event(button._i, "click", None)
    await app.client.settle()
    app.raise_errors()
    assert app.page.route == "/glossary"
    assert content.text("step.glossary.title") in app.texts()
    await app.click("back")
    assert app.page.route == step.path


@pytest.mark.parametrize("route", ["/learn", "/options"])
async def test_learn_and_options_point_to_words_explained(shipped_content, tmp_path, route):
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route=route)
    assert content.text("glossary.pointer") in app.texts()
    await app.click("open-glossary")
    assert app.page.route == "/glossary"
