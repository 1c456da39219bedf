"""Whole journeys in Debian's Chromium: Ray (hemophilia A, on a laptop) and Daniel (hemophilia B,
on his phone) go from the welcome page to a downloaded PDF, clicking Next on every screen.

The app is driven through Flutter's accessibility tree. Each screen is photographed at both
window sizes (the journey's own size, then the other one, by resizing the same window), and
the answers are checked on the screen, in the saved session file and in the PDF.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pypdf import PdfReader

from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.ui import by_id, open_app, screenshot
from tests.journey_people import DANIEL, ODD_NOTES, RAY, Person, assert_saved_as_given

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

NOTES = "\n".join(
    [
        "How sure are the numbers?",
        "مرحبا، هل هذا آمن؟",
        "Football ⚽ 👍",
        "<b>not bold</b> and **not bold either**",
    ]
)
"""Shorter than the in-process notes, with the same kinds of odd text."""

SCREEN_MARKERS = {
    "/about-you": "q-hemophilia_type",
    "/learn": "module-how-long-it-lasts",
    "/options": "figure-gauge",
    "/compare": "compare-current",
    "/values": "top-status",
    "/fit": "fit-order",
    "/ready": "own-question",
    "/summary": "save-pdf",
}
"""An identifier only that screen has: it is there once the screen has arrived."""


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


def scroll_to(page: Page, locator, what: str, steps: int = 20) -> None:
    """Scroll the page until `locator` is on screen, a third of the way down. Flutter leaves the
    far-off parts of a long page out of the accessibility tree: until they are near, scroll on."""
    size = page.viewport_size
    page.mouse.move(size["width"] / 2, size["height"] / 2)
    for _ in range(steps):
        box = locator.first.bounding_box() if locator.count() else None
        if box and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]:
            return
        page.mouse.wheel(0, box["y"] - size["height"] / 3 if box else size["height"] / 2)
        page.wait_for_timeout(300)
    on_screen = [
        e.get_attribute("flt-semantics-identifier") for e in page.locator("[flt-semantics-identifier]").all()
    ]
    raise AssertionError(f"scrolled {steps} times and did not find {what}; on screen: {on_screen}")


def saved_session(data: Path) -> dict:
    return json.loads((data / "session.json").read_text(encoding="utf-8"))


def press_until_at(page, identifier: str, path: str) -> None:
    """Press a button and arrive on `path`. Just after the window is resized for a
    screenshot, Flutter can still be laying the page out and a click may land where the
    button was a moment ago; the button is pressed again only while it is still there."""
    at = re.compile(re.escape(path) + "$")
    for attempt in range(3):
        if attempt == 0 or by_id(page, identifier).count():
            by_id(page, identifier).click()
        try:
            page.wait_for_url(at, timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


class Journey:
    """One person's window on the app, and the screenshots of each screen."""

    def __init__(self, page: Page, person: Person, size: dict, artifacts: Path, data: Path):
        self.page = page
        self.person = person
        self.size = size
        self.other = PHONE if size == DESKTOP else DESKTOP
        self.artifacts = artifacts
        self.data = data

    def shoot(self, step: str) -> None:
        """The screen at the journey's window size, then at the other size, then back."""
        for size in (self.size, self.other):
            self.page.set_viewport_size(size)
            screenshot(self.page, self.artifacts / f"{self.person.key}-{step}-{size['width']}.png")
        self.page.set_viewport_size(self.size)

    def next(self, path: str) -> None:
        """Press Next and arrive on `path`."""
        press_until_at(self.page, "next", path)
        by_id(self.page, SCREEN_MARKERS[path]).first.wait_for(state="attached", timeout=30_000)

    def tick(self, identifier: str, role: str) -> None:
        """Click a radio or checkbox by its identifier and see it checked: the identified
        node is the control itself, its words merged into its name."""
        control = by_id(self.page, identifier)
        control.click()
        expect(control).to_have_attribute("role", role)
        try:
            expect(control).to_have_attribute("aria-checked", "true", timeout=5_000)
        except AssertionError:
            # On a busy machine the server's answer to the click before can still be moving
            # the page as this click lands. A chosen answer stays chosen when clicked again.
            control.click()
            expect(control).to_have_attribute("aria-checked", "true", timeout=10_000)
        # The tick shows at once; the server's answer (an explanation, a note) lands a moment
        # later and moves what is below. A click in between can land on the wrong answer.
        self.page.wait_for_timeout(300)

    def scroll_to(self, locator, what: str, steps: int = 20) -> None:
        scroll_to(self.page, locator, what, steps)

    def open_and_mark_read(self, module: str) -> None:
        """Open a Learn module and press its "mark as read" button, at the module's end."""
        by_id(self.page, f"module-{module}").click()
        self.page.wait_for_timeout(500)  # the module opens with an animation
        read = by_id(self.page, f"read-{module}")
        self.scroll_to(read, f"the button that marks {module} read", steps=60)
        read.click()

    def type_into(self, identifier: str, text: str) -> None:
        """Click into a text field and type, as fast as keys go; the field must show it all."""
        field = by_id(self.page, identifier)
        self.scroll_to(field, f"the {identifier} field", steps=40)
        field.click()
        expect(field.locator("input, textarea")).to_be_focused(timeout=10_000)
        # Flutter sets up its editing element just after focus; a key within that moment
        # can be dropped (seen once on the phone layout). A person takes longer than this.
        self.page.wait_for_timeout(300)
        self.page.keyboard.type(text)
        expect(field.locator("input, textarea")).to_have_value(text, timeout=10_000)

    def saved(self, check: Callable[[dict], bool], what: str) -> dict:
        return wait_until(lambda: check(saved_session(self.data)) and saved_session(self.data), what)

    def fit_bands(self) -> list[str]:
        """What each fit band says (its label: the option, its band and interval)."""
        self.page.mouse.wheel(0, -50_000)  # the bands are at the top of the page
        self.page.wait_for_timeout(300)
        bands = self.page.locator('[flt-semantics-identifier^="band-"]')
        return [bands.nth(n).get_attribute("aria-label") or "" for n in range(bands.count())]


@pytest.mark.parametrize(
    ("person", "size"), [(RAY, DESKTOP), (DANIEL, PHONE)], ids=["ray-on-a-laptop", "daniel-on-a-phone"]
)
def test_a_person_clicks_through_every_screen_and_takes_home_a_pdf(
    browser, tmp_path, artifacts, shipped_content, person: Person, size: dict
):
    content = load_content(shipped_content)
    ui = content.ui
    data = tmp_path / "data"
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport=size, accept_downloads=True)
    journey = Journey(page, person, size, artifacts, data)
    try:
        # Welcome
        open_app(page, server.link(), ui["welcome.title"])
        journey.shoot("welcome")
        press_until_at(page, "start", "/about-you")
        by_id(page, "q-hemophilia_type").wait_for(timeout=30_000)

        # About you: every question, by tapping the answer.
        journey.shoot("about_you")
        for field, value in person.profile.items():
            journey.tick(f"q-{field}-{value}", "radio")
        journey.saved(lambda s: s["profile"] == person.profile, "the About you answers to be saved")

        # Learn: open two modules and mark them read.
        journey.next("/learn")
        journey.shoot("learn")
        total = page.locator('[flt-semantics-identifier^="module-"]').count()
        assert total > 0
        for done, module in enumerate(person.modules[:2], start=1):
            journey.open_and_mark_read(module)
            page.get_by_text(ui["learn.progress"].format(done=done, total=total)).wait_for(timeout=10_000)

        # Your options: the ones for his type only, and the figure names his gene therapy.
        journey.next("/options")
        journey.shoot("options")
        shown = {
            e.get_attribute("flt-semantics-identifier").removeprefix("option-")
            for e in page.locator('[flt-semantics-identifier^="option-"]').all()
        }
        assert set(person.options_shown) <= shown, f"missing {set(person.options_shown) - shown}"
        assert not set(person.options_hidden) & shown, f"wrongly shown {set(person.options_hidden) & shown}"
        gauge = by_id(page, "figure-gauge").get_attribute("aria-label") or ""
        assert person.gene_therapy in gauge

        # Compare: add an option; its plain answers join the grid.
        journey.next("/compare")
        journey.shoot("compare")
        for option_id in person.compare_add:
            # An answer of its own ("Stay with my current treatment" borrows some from the
            # treatment he uses now, which may be in the grid already).
            option = content.option(option_id)
            attribute = next(a for a in content.attributes if a.id not in option.depends_on_current)
            reason = option.attributes[attribute.id].reason
            assert page.get_by_text(reason, exact=True).count() == 0
            journey.tick(f"compare-{option_id}", "checkbox")
            journey.scroll_to(page.get_by_text(reason, exact=True), f"the answers of {option_id}")
            journey.shoot(f"compare-{option_id}")
            page.mouse.wheel(0, -20_000)

        # What matters: a step for every feature, a top three and a hard limit.
        journey.next("/values")
        journey.shoot("values")
        attribute_ids = [a.id for a in content.attributes]
        importance = person.importance(attribute_ids)
        for attribute, step in importance.items():
            journey.scroll_to(by_id(page, f"imp-{attribute}-{step}"), f"{attribute} step {step}")
            by_id(page, f"imp-{attribute}-{step}").click()
            journey.saved(
                lambda s, a=attribute, n=step: s["importance"].get(a) == n,
                f"{attribute} to be saved as {step}",
            )
        top = person.top_three_ids(attribute_ids)
        names = {a.id: a.name for a in content.attributes}
        for attribute in top:
            # Found as a screen reader or voice control finds it: a button named by the feature.
            button = page.get_by_role("button", name=names[attribute], exact=True)
            journey.scroll_to(button, f"the top-three button of {attribute}")
            button.click()
            journey.saved(lambda s, a=attribute: a in s["top_priorities"], f"{attribute} in the top three")
        journey.scroll_to(by_id(page, "top-clear"), "the button that clears the top three")
        journey.scroll_to(by_id(page, f"limit-{person.hard_limit}"), "the hard limits", steps=30)
        journey.tick(f"limit-{person.hard_limit}", "checkbox")
        journey.saved(
            lambda s: (
                (s["importance"], s["top_priorities"], s["hard_limits"])
                == (importance, top, [person.hard_limit])
            ),
            "the importance, the top three and the hard limit to be saved",
        )

        # Fit: a band per option and the grid, in a stated fixed order; a change here moves them.
        journey.next("/fit")
        before = wait_until(journey.fit_bands, "the fit bands")
        assert page.get_by_text(ui["summary.fit.order"]).count() > 0
        journey.shoot("fit")
        attribute, step = person.changed_on_fit(attribute_ids)
        journey.scroll_to(by_id(page, f"imp-{attribute}-{step}"), "the importance rows", steps=60)
        by_id(page, f"imp-{attribute}-{step}").click()
        journey.saved(lambda s: s["importance"][attribute] == step, "the change on the fit page")
        wait_until(lambda: journey.fit_bands() not in ([], before), "the fit bands to move")

        # Getting ready: knowledge, readiness, leaning, role, his own question, notes.
        journey.next("/ready")
        journey.shoot("ready")
        for item_id, answer in person.knowledge.items():
            journey.tick(f"k-{item_id}-{answer}", "radio")
        for item_id, yes in person.readiness.items():
            journey.tick(f"r-{item_id}-{'yes' if yes else 'no'}", "radio")
        journey.tick(f"leaning-{person.leaning}", "radio")
        journey.tick(f"role-{person.role}", "radio")
        journey.type_into("own-question", person.own_question)
        page.keyboard.press("Enter")
        page.get_by_text(person.own_question, exact=True).wait_for(timeout=10_000)
        # The keyboard stays in the (now empty) field for the next question (audit D4).
        expect(by_id(page, "own-question").locator("input, textarea")).to_be_focused(timeout=10_000)
        journey.type_into("notes", NOTES)  # as fast as keys go: none may be lost
        journey.saved(lambda s: s["notes"] == NOTES, "the notes to be saved as typed")

        # Summary: his answers, his words as typed, then the PDF.
        journey.next("/summary")
        page.get_by_text(ui["summary_page.intro"]).wait_for(timeout=30_000)
        assert by_id(page, "next").count() == 0
        journey.shoot("summary")
        for shown_text in (person.type_label, person.own_question, person.leaning_name):
            assert page.get_by_text(shown_text).count() > 0, f"the summary does not show {shown_text!r}"
        for line in NOTES.splitlines():
            assert page.get_by_text(line).count() > 0, f"the summary does not show {line!r} as typed"
        notes_at = page.get_by_text(NOTES.splitlines()[0]).first.bounding_box()
        assert notes_at is not None
        page.mouse.move(size["width"] / 2, size["height"] / 2)
        page.mouse.wheel(0, notes_at["y"] - size["height"] / 3)
        journey.shoot("summary_notes")

        with page.expect_download(timeout=90_000) as download:
            by_id(page, "save-pdf").click()
        pdf = tmp_path / "summary.pdf"
        download.value.save_as(pdf)
        shutil.copy(pdf, artifacts / f"{person.key}-summary.pdf")  # to look at, with pdftoppm
    finally:
        page.close()
        server.stop()

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert person.type_label in text
    assert person.own_question in text
    assert person.leaning_name in text
    assert "<b>not bold</b> and **not bold either**" in text

    assert_saved_as_given(
        saved_session(data), person, person.modules[:2], NOTES, [a.id for a in content.attributes]
    )


def test_typing_fast_into_the_notes_keeps_every_character(browser, server, shipped_content):
    ui = load_content(shipped_content).ui
    page = browser.new_page(viewport=DESKTOP)
    try:
        open_app(page, server.link("ready"), ui["ready.intro"])
        scroll_to(page, by_id(page, "notes"), "the notes field", steps=40)
        by_id(page, "notes").click()
        expect(by_id(page, "notes").locator("textarea")).to_be_focused(timeout=10_000)
        page.wait_for_timeout(300)  # see Journey.type_into: the moment just after focus
        page.keyboard.type(ODD_NOTES)  # no delay: a fast typist, a slow computer or a paste-like burst
        page.wait_for_timeout(3000)
        on_screen = page.evaluate("document.activeElement.value")
    finally:
        page.close()
    assert on_screen == ODD_NOTES
    assert saved_session(server.data_dir)["notes"] == ODD_NOTES
