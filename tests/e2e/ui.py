"""Helpers to drive the Flutter app in Chromium through its accessibility tree."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from decisionaid.domain.content import Content


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


def tick(page: Page, control) -> None:
    """Click a radio or checkbox (found by its role and name) and see it checked: the
    named node is the control itself, its words merged into its name."""
    control.click()
    try:
        expect(control).to_have_attribute("aria-checked", "true", timeout=5_000)
    except AssertionError:
        # On a busy machine the server's answer to the click before can still be moving
        # the page as this click lands. A chosen answer stays chosen when clicked again.
        control.click()
        expect(control).to_have_attribute("aria-checked", "true", timeout=10_000)
    # The tick shows at once; the server's answer (an explanation, a note) lands a moment
    # later and moves what is below. A click in between can land on the wrong answer.
    page.wait_for_timeout(300)


def profile_answer(content: Content, field: str, value: str) -> str:
    """The words of an About-you answer, as the page shows them (its radio's name)."""
    if field == "current_treatment":
        return content.ui[f"profile.a.{field}.other"] if value == "other" else content.option(value).name
    if value in ("not_sure", "prefer_not_to_say"):  # worded once for every question
        return content.ui[f"profile.a.{value}"]
    return content.ui[f"profile.a.{field}.{value}"]


def answer_about_you(page: Page, content: Content, profile: dict[str, str], data: Path) -> None:
    """Tap each About-you answer of `profile` on the page, then wait until the session saved
    in `data` holds exactly those answers."""
    for field, value in profile.items():
        tick(page, answer(page, content.ui[f"profile.q.{field}"], profile_answer(content, field, value)))
    saved_when(
        data,
        lambda s: {q: a for q, a in s["profile"].items() if a is not None} == profile,
        "the About you answers to be saved",
    )


def download_pdf(page: Page, name: str, to: Path) -> Path:
    """Press the button called `name` and keep the PDF the browser downloads, at `to`."""
    with page.expect_download(timeout=90_000) as download:
        button(page, name).click()
    download.value.save_as(to)
    return to


def pdf_words(pdf: Path) -> str:
    """All the text of a PDF, its white space made single."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())


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


def saved_when(data: Path, check: Callable[[dict], bool], what: str) -> dict:
    """The session saved in `data` once `check` holds. 30 s: on a CI machine at load 14 a save
    on the phone layout's fit page took longer than 15 s; a click that is lost still fails."""
    return wait_until(lambda: check(saved_session(data)) and saved_session(data), what, timeout=30)


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
