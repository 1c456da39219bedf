"""Helpers to drive the Flutter app in Chromium through its accessibility tree."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page


def open_app(page: Page, url: str, first_text: str) -> None:
    """Load the app, turn on the accessibility tree, and wait for `first_text`."""
    page.goto(url)
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=60_000)
    placeholder.dispatch_event("click")
    page.get_by_text(first_text).first.wait_for(timeout=60_000)


def by_id(page: Page, identifier: str):
    """The element with a stable `Semantics(identifier=...)` handle. Journeys find controls by
    role and name (`button`, `answer`) as assistive technology does; use this only where no
    name can serve, and say why where it is used."""
    return page.locator(f'[flt-semantics-identifier="{identifier}"]')


def screenshot(page: Page, path: Path, timeout: float = 10) -> Path:
    """A screenshot once the screen has stopped changing: Flutter paints text in more than one
    frame while glyphs load, and the accessibility tree can be ready before the paint."""
    deadline = time.monotonic() + timeout
    last = page.screenshot()
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = page.screenshot()
        if now == last:
            break
        last = now
    path.write_bytes(last)
    return path


def button(page: Page, name: str):
    """A button found as a screen reader or voice control finds it: by its role and name."""
    return page.get_by_role("button", name=name, exact=True)


def answer(page: Page, question: str, text: str, role: str = "radio"):
    """The answer called `text` of the question `question`: each question is a group named by
    its question, its answers radios (or checkboxes) named by their words. Many questions
    share answer words ("Very important", "Yes"), so the group tells them apart."""
    return page.get_by_role("group", name=question, exact=True).get_by_role(role, name=text, exact=True)


def step_heading(page: Page, title: str):
    """A page's one level-1 heading: how a screen-reader user knows the page has arrived."""
    return page.get_by_role("heading", level=1, name=title, exact=True)


def wait_until(condition: Callable[[], object], what: str, timeout: float = 15) -> object:
    """Poll until `condition()` is truthy (server-side saves land a moment after the click)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except (OSError, ValueError, KeyError):
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def saved_session(data: Path) -> dict:
    """The session file the server saved in `data`."""
    return json.loads((data / "session.json").read_text(encoding="utf-8"))


STILL_SCRIPT = """() => document.querySelectorAll('flt-semantics').length + ':'
  + (document.querySelector('flt-semantics') || {textContent: ''}).textContent.length"""


def wait_still(page: Page, reads: int = 4, timeout: float = 10) -> None:
    """Wait until the accessibility tree reads the same `reads` times in a row, 250 ms
    apart (the server's redraw after a resize lands a moment later), or `timeout` ends."""
    deadline, last, same = time.monotonic() + timeout, None, 0
    while time.monotonic() < deadline and same < reads:
        now = page.evaluate(STILL_SCRIPT)
        same = same + 1 if now == last else 0
        last = now
        page.wait_for_timeout(250)
