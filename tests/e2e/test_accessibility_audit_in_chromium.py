"""An audit of every screen as assistive technology sees it, in Chromium's accessibility tree.

The 2026-11 audit found 218 interactive nodes with no name (109 radios and checkboxes
named only by a wrapper, and 109 empty "buttons" beside them). This walks every screen
with a full session and counts, per screen, interactive nodes without a name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.loader import load_content
from tests.e2e.conftest import Server

SESSION = Path(__file__).parents[1] / "testdata" / "sessions" / "daniel-hemophilia-b.json"
SCREENS = {
    "welcome": "",
    "about": "about",
    "about-you": "about-you",
    "learn": "learn",
    "options": "options",
    "compare": "compare",
    "values": "values",
    "fit": "fit",
    "ready": "ready",
    "summary": "summary",
    "clinician": "clinician",
    "display": "display",
}
INTERACTIVE = ("button", "radio", "checkbox", "link", "textbox", "switch", "tab", "menuitem", "slider")

AUDIT_SCRIPT = """roles => {
  const name = e => (e.getAttribute('aria-label') || e.textContent || '').trim()
    || (e.querySelector('input, textarea') || {}).ariaLabel || '';
  const nodes = [...document.querySelectorAll('flt-semantics[role]')]
    .filter(e => roles.includes(e.getAttribute('role')));
  return {
    interactive: nodes.length,
    unnamed: nodes.filter(e => !name(e))
      .map(e => e.getAttribute('role') + '#' + (e.getAttribute('flt-semantics-identifier') || e.id)),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
      .map(e => Number(e.getAttribute('aria-level') || e.tagName.slice(1))),
  };
}"""


@pytest.fixture(scope="module")
def seeded_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    (root / "data").mkdir()
    shutil.copy(SESSION, root / "data" / "session.json")
    served = Server(root / "data", root / "server.log").start()
    yield served
    served.stop()


def test_no_screen_has_an_interactive_node_without_a_name(browser, seeded_server, shipped_content):
    more_label = load_content(shipped_content).text("options.more")
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    table = {}
    try:
        for screen, path in SCREENS.items():
            page = context.new_page()
            page.goto(seeded_server.link(path))
            placeholder = page.locator("flt-semantics-placeholder")
            placeholder.wait_for(state="attached", timeout=60_000)
            placeholder.dispatch_event("click")
            page.get_by_role("heading", level=1).first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)  # let every control of the screen arrive
            table[screen] = page.evaluate(AUDIT_SCRIPT, list(INTERACTIVE))
            if screen == "options":
                # Each option card's fold is a button of its own (once it was folded into
                # the card's label and could not be reached by a screen reader).
                cards = page.locator('[flt-semantics-identifier^="option-"]').count()
                folds = page.get_by_role("button", name=more_label).count()
                table[screen]["cards and folds"] = (cards, folds)
            page.close()
    finally:
        context.close()
    print("\nscreen        interactive  unnamed  headings")
    for screen, row in table.items():
        print(f"{screen:<13} {row['interactive']:>11}  {len(row['unnamed']):>7}  {row['headings']}")
    assert all(row["interactive"] > 0 for row in table.values()), table
    unnamed = {screen: row["unnamed"] for screen, row in table.items() if row["unnamed"]}
    assert unnamed == {}
    cards, folds = table["options"]["cards and folds"]
    assert cards > 0 and folds == cards
