"""In Chromium, on a device that cannot save: the banner is shown, read out, and saves a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.test_full_journeys_in_chromium import DESKTOP
from tests.e2e.ui import answer, button, screenshot

LISTEN = """
  window.announced = [];
  new MutationObserver(() => {
    for (const e of document.querySelectorAll('[aria-live]')) {
      if (e.textContent) window.announced.push(e.getAttribute('aria-live') + ': ' + e.textContent);
    }
  }).observe(document, {subtree: true, childList: true, characterData: true});
"""
"""Records what Flutter hands to the page's aria-live elements, which screen readers read out.
Installed before the page loads: the first save (on arriving at a page) fails at once."""

LATE = 5
"""Seconds after the page loads before the screen reader turns the accessibility tree on.
What the app hands over to be read before then is dropped (3 of 6 runs failed here when the
tree came on late under load), so the problem must be said again at the first change."""


def test_a_data_folder_that_cannot_be_made_shows_a_banner_that_is_read_out_and_saves_the_answers(
    browser, tmp_path, artifacts, shipped_content
):
    content = load_content(shipped_content)
    ui = content.ui
    rated = content.attributes[0]  # any feature: it is found by its name, wherever the order puts it
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    server = Server(blocker / "data", tmp_path / "server.log").start()  # cannot be made, even by root
    page = browser.new_page(viewport=DESKTOP, accept_downloads=True)
    try:
        page.add_init_script(LISTEN)
        page.goto(server.link("values"))
        placeholder = page.locator("flt-semantics-placeholder")
        placeholder.wait_for(state="attached", timeout=60_000)
        page.wait_for_timeout(LATE * 1000)
        placeholder.dispatch_event("click")
        page.get_by_text(ui["step.values.title"]).first.wait_for(timeout=60_000)
        answer(page, rated.name, ui["importance.4"]).click()
        # The banner is known by its button (its box is a live region with no role or name).
        button(page, ui["summary_page.save_session"]).wait_for(timeout=30_000)
        # Other polite messages of the page ("You have rated 0 of 9 features") can come first.
        said = "cannot be saved on this device right now"
        try:
            page.wait_for_function("t => window.announced.some(a => a.includes(t))", arg=said, timeout=15_000)
        except PlaywrightTimeout:
            pytest.fail(f"never read out: {page.evaluate('() => window.announced')}")
        screenshot(page, artifacts / "cannot-save-banner.png")

        with page.expect_download(timeout=30_000) as download:
            button(page, ui["summary_page.save_session"]).click()
        assert download.value.suggested_filename == "decisionaid-session.json"
        saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert saved["importance"] == {rated.id: 4}
    finally:
        page.close()
        server.stop()
