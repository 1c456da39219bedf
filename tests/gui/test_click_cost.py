"""What one click costs the server (issue 16): the page is drawn once per arrival, and the
pages' pictures and folds send only what is on the screen."""

from __future__ import annotations

import flet as ft
import pytest
from flet.components.component import Component

from tests.gui.harness import HeadlessApp


@pytest.fixture
def updates(monkeypatch) -> list[str]:
    """The name of every component Flet re-renders, in order (a re-render of App redraws and
    diffs the whole page)."""
    seen: list[str] = []
    original = Component.update

    def update(self) -> None:
        seen.append(getattr(self.fn, "__name__", "?"))
        original(self)

    monkeypatch.setattr(Component, "update", update)
    return seen


@pytest.mark.parametrize("path", ["/about-you", "/options", "/values", "/summary"])
async def test_arriving_on_a_journey_page_draws_it_once(app: HeadlessApp, updates, path):
    await app.go("/learn")
    updates.clear()
    await app.go(path)
    assert app.page.route == path
    # The router draws the page; remembering where the person is (last_route, saved) must
    # not draw the whole app a second time: no page shows it.
    assert "App" not in updates, updates
    assert app.session.page is not None


async def test_the_page_reached_is_still_saved_for_resuming(app: HeadlessApp, shipped_content, tmp_path):
    from decisionaid.storage import SessionStore

    await app.go("/values")
    assert SessionStore(tmp_path / "data").load().session.last_route == "/values"
    # Back from an aside page still returns to the last journey page.
    await app.go("/about")
    await app.click("back")
    assert app.page.route == "/values"
    assert isinstance(app.page, ft.Page)
