"""Whole journeys in Debian's Chromium: Ray (hemophilia A, on a laptop) and Daniel (hemophilia B,
on his phone) go from the welcome page to a downloaded PDF, clicking Next on every screen.

The app is driven through Flutter's accessibility tree as assistive technology drives it:
every control is found by its role and accessible name (a radio by its words inside the
group named by its question, a button by its name), never by a test identifier, so a
control without a name, or with the wrong one, fails the journey. Each screen is
photographed at the journey's size, and three of them also at the other size (by resizing
the same window and back; every screen with E2E_BOTH_SIZES=1), and the answers are checked
on the screen, in the saved session file and in the PDF.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from decisionaid.domain.figures import factor_level_chart
from decisionaid.gui.routes import JOURNEY
from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.ui import (
    answer,
    answer_about_you,
    button,
    download_pdf,
    open_app,
    pdf_words,
    saved_session,
    saved_when,
    screenshot,
    step_heading,
    tick,
    wait_still,
    wait_until,
)
from tests.journey_people import DANIEL, ODD_NOTES, RAY, Person, assert_saved_as_given

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
RESIZED = ("about_you", "fit", "summary")
"""The screens turned to the other window size and back mid-journey, as a phone is turned or
a window narrowed: a form, the fit (a resize once lost a click there) and the summary. The
other screens at both sizes (E2E_BOTH_SIZES=1) took a third of these walks, in a test run
over its 10 minutes; each screen is still walked at a phone's and a laptop's size."""

NOTES = "\n".join(
    [
        "How sure are the numbers?",
        "مرحبا، هل هذا آمن؟",
        "Football ⚽ 👍",
        "<b>not bold</b> and **not bold either**",
    ]
)
"""Shorter than the in-process notes, with the same kinds of odd text."""

TITLES = {step.path: step.title_key for step in JOURNEY}
"""Each step's title, its page's level-1 heading: there once the page has arrived."""


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
    raise AssertionError(f"scrolled {steps} times and did not find {what}")


def press_until_at(page, name: str, path: str) -> None:
    """Press the button called `name` and arrive on `path`. Just after the window is resized
    for a screenshot, Flutter can still be laying the page out and a click may land where
    the button was a moment ago; the button is pressed again only while it is still there."""
    at = re.compile(re.escape(path) + "$")
    for attempt in range(3):
        if attempt == 0 or button(page, name).count():
            button(page, name).click()
        try:
            page.wait_for_url(at, timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


class Journey:
    """One person's window on the app, and the screenshots of each screen."""

    def __init__(self, page: Page, person: Person, size: dict, artifacts: Path, data: Path, ui: dict):
        self.page = page
        self.ui = ui
        self.person = person
        self.size = size
        self.other = PHONE if size == DESKTOP else DESKTOP
        self.artifacts = artifacts
        self.data = data

    def shoot(self, step: str) -> None:
        """The screen at the journey's window size; on the screens in RESIZED (or every
        screen, with E2E_BOTH_SIZES=1) then at the other size, then back, and the page
        redrawn for that size before anything is clicked."""
        if step not in RESIZED and not os.environ.get("E2E_BOTH_SIZES"):
            screenshot(self.page, self.artifacts / f"{self.person.key}-{step}-{self.size['width']}.png")
            return
        for size in (self.size, self.other):
            self.page.set_viewport_size(size)
            screenshot(self.page, self.artifacts / f"{self.person.key}-{step}-{size['width']}.png")
        self.page.set_viewport_size(self.size)
        wait_still(self.page)

    def next(self, path: str) -> None:
        """Press Next and arrive on `path`."""
        press_until_at(self.page, self.ui["nav.next"], path)
        step_heading(self.page, self.ui[TITLES[path]]).wait_for(state="attached", timeout=30_000)

    def tick(self, control) -> None:
        """Click a radio or checkbox and see it checked (`ui.tick`)."""
        tick(self.page, control)

    def scroll_to(self, locator, what: str, steps: int = 20) -> None:
        scroll_to(self.page, locator, what, steps)

    def open_and_mark_read(self, title: str) -> None:
        """Open a Learn module (a button named by its title, then its summary) and press its
        "mark as read" button, at the module's end (the only one: others are closed or read)."""
        self.page.get_by_role("button", name=re.compile("^" + re.escape(title))).click()
        self.page.wait_for_timeout(500)  # the module opens with an animation
        read = button(self.page, self.ui["learn.mark_read"])
        self.scroll_to(read, f"the button that marks {title!r} read", steps=60)
        read.click()
        button(self.page, self.ui["learn.mark_read"]).wait_for(state="detached", timeout=10_000)

    def type_into(self, name: str, text: str) -> None:
        """Click into the text field called `name` and type, as fast as keys go; the field must
        show it all."""
        field = self.page.get_by_role("textbox", name=name)
        self.scroll_to(field, f"the {name!r} field", steps=40)
        field.click()
        expect(field).to_be_focused(timeout=10_000)
        # Flutter sets up its editing element just after focus; a key within that moment
        # can be dropped (seen once on the phone layout). A person takes longer than this.
        self.page.wait_for_timeout(300)
        self.page.keyboard.type(text)
        expect(field).to_have_value(text, timeout=10_000)

    def saved(self, check: Callable[[dict], bool], what: str) -> dict:
        """The saved session once `check` holds (`ui.saved_when`)."""
        return saved_when(self.data, check, what)

    def fit_bands(self) -> list[str]:
        """What each fit band says (its label: the option, its band and interval)."""
        self.page.mouse.wheel(0, -50_000)  # the bands are at the top of the page
        self.page.wait_for_timeout(300)
        bands = self.page.locator('[flt-semantics-identifier^="band-"]')
        return [bands.nth(n).get_attribute("aria-label") or "" for n in range(bands.count())]


@pytest.mark.parametrize(
    ("person", "size", "motion"),
    # Daniel's phone keeps the animations the other browser tests turn off (conftest.ReducedMotion).
    [(RAY, DESKTOP, "reduce"), (DANIEL, PHONE, "no-preference")],
    ids=["ray-on-a-laptop", "daniel-on-a-phone"],
)
def test_a_person_clicks_through_every_screen_and_takes_home_a_pdf(
    browser, tmp_path, artifacts, shipped_content, person: Person, size: dict, motion: str
):
    content = load_content(shipped_content)
    ui = content.ui
    data = tmp_path / "data"
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport=size, accept_downloads=True, reduced_motion=motion)
    journey = Journey(page, person, size, artifacts, data, ui)
    try:
        # Welcome
        open_app(page, server.link(), ui["welcome.title"])
        journey.shoot("welcome")
        press_until_at(page, ui["welcome.start"], "/about-you")
        step_heading(page, ui[TITLES["/about-you"]]).wait_for(timeout=30_000)

        # About you: every question, by tapping the answer.
        journey.shoot("about_you")
        answer_about_you(page, content, person.profile, data)

        # Learn: open two modules and mark them read.
        journey.next("/learn")
        journey.shoot("learn")
        progress = re.compile(
            re.escape(ui["learn.progress"]).replace(r"\{done\}", r"\d+").replace(r"\{total\}", r"(\d+)")
        )
        total = int(progress.search(page.get_by_text(progress).first.inner_text()).group(1))
        assert total > 0
        for done, module in enumerate(person.modules[:2], start=1):
            journey.open_and_mark_read(next(m.title for m in content.modules if m.id == module))
            page.get_by_text(ui["learn.progress"].format(done=done, total=total)).wait_for(timeout=10_000)

        # Your options: the ones for his type only, and the figure names his gene therapy.
        journey.next("/options")
        journey.shoot("options")
        # Each option card is headed by the option's name (a level-2 heading).
        shown = {
            o.id
            for o in content.options
            if page.get_by_role("heading", level=2, name=o.name, exact=True).count()
        }
        assert set(person.options_shown) <= shown, f"missing {set(person.options_shown) - shown}"
        assert not set(person.options_hidden) & shown, f"wrongly shown {set(person.options_hidden) & shown}"
        # The figure is an image named by its words, which name his gene therapy.
        words = factor_level_chart(content, person.profile["hemophilia_type"]).words
        assert person.gene_therapy in words
        expect(page.get_by_role("img", name=words, exact=True)).to_have_count(1)

        # Compare: add an option; its plain answers join the grid.
        journey.next("/compare")
        journey.shoot("compare")
        for option_id in person.compare_add:
            option = content.option(option_id)
            reason = option.attributes[content.attributes[0].id].reason
            # Each answer is read with its source under it ("Source: ..."), as one text.
            assert page.get_by_text(reason).count() == 0
            journey.tick(page.get_by_role("checkbox", name=option.name, exact=True))
            journey.scroll_to(page.get_by_text(reason), f"the answers of {option_id}")
            journey.shoot(f"compare-{option_id}")
            page.mouse.wheel(0, -20_000)

        # What matters: a step for every feature, a top three and a hard limit.
        journey.next("/values")
        journey.shoot("values")
        attribute_ids = [a.id for a in content.attributes]
        names = {a.id: a.name for a in content.attributes}
        importance = person.importance(attribute_ids)
        for attribute, step in importance.items():
            journey.tick(answer(page, names[attribute], ui[f"importance.{step}"]))
            journey.saved(
                lambda s, a=attribute, n=step: s["importance"].get(a) == n,
                f"{attribute} to be saved as {step}",
            )
        top = person.top_three_ids(attribute_ids)
        for attribute in top:
            # Found as a screen reader or voice control finds it: a button named by the feature.
            top_button = page.get_by_role("button", name=names[attribute], exact=True)
            journey.scroll_to(top_button, f"the top-three button of {attribute}")
            top_button.click()
            journey.saved(lambda s, a=attribute: a in s["top_priorities"], f"{attribute} in the top three")
        limit = next(h.statement for h in content.hard_limits if h.id == person.hard_limit)
        limit_box = page.get_by_role("checkbox", name=limit, exact=True)
        journey.scroll_to(limit_box, "the hard limits", steps=30)
        journey.tick(limit_box)
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
        attribute, step = person.changed_on_fit(attribute_ids)
        change = answer(page, names[attribute], ui[f"importance.{step}"])
        journey.scroll_to(change, "the importance rows", steps=60)
        journey.tick(change)
        journey.saved(lambda s: s["importance"][attribute] == step, "the change on the fit page")
        wait_until(lambda: journey.fit_bands() not in ([], before), "the fit bands to move")
        # After the change, not before it: the screenshots resize the window, and the fit
        # page is redrawn for the new width; a click while that redraw is on its way went
        # to the control it replaced (seen under load on the phone layout) and was lost.
        journey.shoot("fit")

        # Getting ready: knowledge, readiness, leaning, role, his own question, notes.
        journey.next("/ready")
        journey.shoot("ready")
        for item_id, picked in person.knowledge.items():
            item = next(k for k in content.knowledge if k.id == item_id)
            journey.tick(answer(page, item.question, item.choices[picked]))
        for item_id, yes in person.readiness.items():
            item = next(r for r in content.readiness.readiness if r.id == item_id)
            journey.tick(
                answer(page, item.text, ui["summary.readiness.yes" if yes else "summary.readiness.no"])
            )
            # A "No" adds a line under its question and moves the ones below: the next click
            # waits for this answer to be saved (seen once on a busy machine: one was lost).
            journey.saved(lambda s, i=item_id, y=yes: s["readiness"].get(i) == y, f"{item_id} to be saved")
        journey.tick(answer(page, ui["summary.h.leaning"], person.leaning_name))
        role = next(r.text for r in content.readiness.roles if r.id == person.role)
        journey.tick(answer(page, ui["summary.h.role"], role))
        journey.type_into(ui["ready.own_question"], person.own_question)
        page.keyboard.press("Enter")
        page.get_by_text(person.own_question, exact=True).wait_for(timeout=10_000)
        # The keyboard stays in the (now empty) field for the next question (audit D4).
        expect(page.get_by_role("textbox", name=ui["ready.own_question"])).to_be_focused(timeout=10_000)
        journey.type_into(ui["ready.notes_label"], NOTES)  # as fast as keys go: none may be lost
        journey.saved(lambda s: s["notes"] == NOTES, "the notes to be saved as typed")

        # Summary: his answers, his words as typed, then the PDF.
        journey.next("/summary")
        page.get_by_text(ui["summary_page.intro"]).wait_for(timeout=30_000)
        assert button(page, ui["nav.next"]).count() == 0
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

        pdf = download_pdf(page, ui["summary_page.save_pdf"], tmp_path / "summary.pdf")
        shutil.copy(pdf, artifacts / f"{person.key}-summary.pdf")  # to look at, with pdftoppm
    finally:
        page.close()
        server.stop()

    text = pdf_words(pdf)
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
        notes = page.get_by_role("textbox", name=ui["ready.notes_label"])
        scroll_to(page, notes, "the notes field", steps=40)
        notes.click()
        expect(notes).to_be_focused(timeout=10_000)
        page.wait_for_timeout(300)  # see Journey.type_into: the moment just after focus
        page.keyboard.type(ODD_NOTES)  # no delay: a fast typist, a slow computer or a paste-like burst
        wait_until(lambda: saved_session(server.data_dir)["notes"] == ODD_NOTES, "the notes saved")
        on_screen = page.evaluate("document.activeElement.value")
    finally:
        page.close()
    assert on_screen == ODD_NOTES
    assert saved_session(server.data_dir)["notes"] == ODD_NOTES
