"""Keyboard-only use in Debian's Chromium: Tab reaches the controls, Enter and Space work."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.ui import by_id, open_app, screenshot

FOCUSED = """() => {
    const node = document.activeElement && document.activeElement.closest('[flt-semantics-identifier]');
    return node ? node.getAttribute('flt-semantics-identifier') : null;
}"""


def tab_to(page, identifier: str, limit: int = 40) -> list[str]:
    """Press Tab until the control with `identifier` has focus; the identifiers passed on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(150)
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if focused == identifier:
            return seen
    raise AssertionError(f"Tab never reached {identifier!r}; it reached {seen}")


def test_the_journey_starts_and_answers_are_given_with_the_keyboard_alone(
    browser, tmp_path, artifacts, shipped_content
):
    ui = load_content(shipped_content).ui
    data = tmp_path / "data"
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        open_app(page, server.link(), ui["welcome.title"])
        tab_to(page, "start")
        page.keyboard.press("Enter")
        page.get_by_text(ui["about_you.intro"]).first.wait_for(timeout=30_000)
        assert page.url.endswith("/about-you")
        # A radio group is one Tab stop; the arrow keys move between its answers and pick them.
        tab_to(page, "q-hemophilia_type-A")
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(300)
        assert page.evaluate(FOCUSED) == "q-hemophilia_type-B"
        expect(by_id(page, "q-hemophilia_type-B").get_by_role("radio")).to_be_checked(timeout=10_000)
        # Space picks the answer that has focus.
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        severity = page.evaluate(FOCUSED)
        assert severity and severity.startswith("q-severity-"), severity
        page.keyboard.press("Space")
        expect(by_id(page, severity).get_by_role("radio")).to_be_checked(timeout=10_000)
        page.wait_for_timeout(1000)  # the answer is saved on the server as it lands
        screenshot(page, artifacts / "keyboard-about-you-1440.png")
        # Tab goes through the questions in the order they are read, Back and Next last.
        passed = tab_to(page, "next", limit=80)
        questions = [i for i in passed if i and i.startswith("q-")]
        fields = [i.split("-")[1] for i in questions]
        assert fields == sorted(set(fields), key=fields.index), f"Tab went back and forth: {passed}"
        assert passed.index("back") > max(passed.index(q) for q in questions), passed
        page.keyboard.press("Enter")
        page.get_by_text(ui["learn.intro"]).first.wait_for(timeout=30_000)
    finally:
        page.close()
        server.stop()
    saved = json.loads((data / "session.json").read_text())
    assert saved["profile"]["hemophilia_type"] == "B"
    assert saved["profile"]["severity"] == severity.removeprefix("q-severity-")
    assert saved["last_route"] == "/learn"
