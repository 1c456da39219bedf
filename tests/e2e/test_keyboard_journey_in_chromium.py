"""The whole journey with the keyboard alone, in Debian's Chromium, to a downloaded PDF.

Only Tab, Shift+Tab, the arrow keys, Space and Enter are pressed (after the one click that
turns on Flutter's accessibility tree, which a screen reader does by itself). What has
focus is read from the accessibility tree as a screen reader reads it: its role, its name
and whether it is checked; no identifier is used. The Tab presses on each page are counted
and written to artifacts/keyboard-tabs.json: a question is one Tab stop, its answers are
reached with the arrow keys (the 2026-11 audit counted 70 Tabs to Next on What matters).

The journey answers generically, so that new or rebuilt screens need no change here:
on its way to Next, every question without an answer gets its first answer (Space), and
a few are answered with the arrows on purpose.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page
from pypdf import PdfReader

from decisionaid.domain.ui_keys import ASKED_ONLY_WHEN, PROFILE_FIELDS
from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.ui import open_app, screenshot

WINDOW = {"width": 1280, "height": 860}

FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || !e.getAttribute) return null;
    const input = e.matches('input, textarea') ? e : null;
    const node = input ? e.closest('flt-semantics') : e;
    return {
        id: node ? node.id : null,
        role: input ? 'textbox' : (node && node.getAttribute('role')),
        name: ((input ? input.getAttribute('aria-label') : null)
               || (node && (node.getAttribute('aria-label') || node.textContent)) || '').trim(),
        checked: node ? node.getAttribute('aria-checked') : null,
        group: (node && node.closest('[role=group][aria-label]') || {getAttribute: () => null})
            .getAttribute('aria-label'),
    };
}"""
"""The focused node as a screen reader hears it: role, name, checked state, and the question
(the named group) it answers; `id` tells one stop from the next."""


def values_budget(content) -> int:
    """Most Tabs allowed on What matters, from arrival to Next (it was 70): one stop per
    rating question (a radio group, arrows inside), one per top-three choice and one per
    hard limit (a pick of several is a stop each), and the page's own buttons (the three at
    the top: text size, Words explained and About; clear, Back, Next)."""
    features = len(content.attributes)
    return features + features + len(content.hard_limits) + 6


class Keyboard:
    """Presses keys, and counts the Tab presses on each page."""

    def __init__(self, page: Page):
        self.page = page
        self.seen: list[tuple[str | None, str, str | None]] = []
        """What had focus on the last tab_to's way: (role, name, question)."""
        self.tabs: dict[str, int] = {}
        self.path = ""

    def arrive(self, path: str) -> None:
        self.page.wait_for_url(re.compile(re.escape(path) + "$"), timeout=30_000)
        self.page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
        self.page.wait_for_timeout(500)  # the rest of the page arrives just after its heading
        self.path = path
        self.tabs.setdefault(path, 0)

    def press(self, key: str, settle: int = 0) -> dict:
        """Press a key and say what has focus after it. After Tab, focus is read once it has
        moved: read too early (a busy machine), the stop before was taken for this one and
        the count went a whole round of the page too far."""
        before = self.focused()["id"] if key in ("Tab", "Shift+Tab") else None
        self.page.keyboard.press(key)
        if before is not None:
            self.tabs[self.path] += 1
            for _ in range(50):
                now = self.focused()
                if now["id"] is not None and now["id"] != before:
                    break
                self.page.wait_for_timeout(30)
        self.page.wait_for_timeout(settle)
        return self.focused()

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED) or {
            "id": None,
            "role": None,
            "name": "",
            "checked": None,
            "group": None,
        }

    def tab_to(
        self, role: str, name: str, limit: int = 80, answer: bool = True, prefix: bool = False
    ) -> dict:
        """Tab until the `role` called `name` has focus. On the way, a question with no answer
        (focus on an unchecked radio: Tab reaches the checked one when there is one) gets
        its first answer with Space."""
        seen = self.seen = []
        for _ in range(limit):
            now = self.press("Tab")
            seen.append((now["role"], now["name"][:40], now["group"]))
            if now["role"] == role and (now["name"].startswith(name) if prefix else now["name"] == name):
                return now
            if answer and now["role"] == "radio" and now["checked"] != "true":
                self.pick()
        raise AssertionError(f"{limit} Tabs on {self.path} did not reach {role} {name!r}: {seen}")

    def pick(self, key: str = "Space") -> dict:
        """Pick with Space or an arrow key, and see the focused radio checked."""
        now = self.press(key, settle=400)  # the server's answer lands and may add text below
        for _ in range(20):
            if now["checked"] == "true":
                return now
            self.page.wait_for_timeout(150)
            now = self.focused()
        raise AssertionError(f"{key} on {self.path} did not check {now}")

    def next_page(self, ui: dict[str, str], path: str) -> None:
        self.tab_to("button", ui["nav.next"])
        self.press("Enter")
        self.arrive(path)


def test_the_whole_journey_by_keyboard_alone_ends_in_a_downloaded_pdf(
    browser, tmp_path, artifacts, shipped_content
):
    content = load_content(shipped_content)
    ui = content.ui
    data = tmp_path / "data"
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport=WINDOW, accept_downloads=True)
    keys = Keyboard(page)
    try:
        open_app(page, server.link(), ui["welcome.title"])  # the one click: the accessibility tree
        keys.arrive("/")
        keys.tab_to("button", ui["welcome.start"])
        keys.press("Enter")

        # About you: the first question by the arrow keys; Shift+Tab back to it lands on the
        # answer picked, not on the question's first answer (the group is one stop).
        keys.arrive("/about-you")
        first = keys.tab_to("radio", ui["profile.a.hemophilia_type.A"], answer=False)
        assert first["checked"] != "true"
        assert keys.pick("ArrowDown")["name"] == ui["profile.a.hemophilia_type.B"]
        keys.press("Tab")
        back = keys.press("Shift+Tab")
        assert (back["role"], back["name"], back["checked"]) == (
            "radio",
            ui["profile.a.hemophilia_type.B"],
            "true",
        )
        # Space picks the answer that has focus, in the next question.
        severity = keys.press("Tab")
        assert (severity["role"], severity["group"]) == ("radio", ui["profile.q.severity"]), severity
        keys.pick("Space")
        # On to Next: the questions in reading order, each one Tab stop; Back and Next last.
        keys.tab_to("button", ui["nav.next"], answer=False)
        questions = [group for role, _, group in keys.seen if role == "radio"]
        asked = [ui[f"profile.q.{field}"] for field in PROFILE_FIELDS if field not in ASKED_ONLY_WHEN]
        assert questions == asked[2:], keys.seen
        assert [name for role, name, _ in keys.seen[-2:]] == [ui["nav.back"], ui["nav.next"]]
        keys.press("Enter")
        keys.arrive("/learn")

        # Learn: open the first reading with Enter and mark it read at its end.
        module = next(m for m in content.modules if m.applies_to in ("B", "both"))
        keys.tab_to("button", module.title, prefix=True)  # its name goes on with the summary
        keys.press("Enter")
        # The reading opens with an animation; its button is there once it is open.
        page.get_by_role("button", name=ui["learn.mark_read"], exact=True).wait_for(timeout=10_000)
        keys.tab_to("button", ui["learn.mark_read"], limit=120)
        keys.press("Enter", settle=800)
        read_one = re.escape(ui["learn.progress"].split("{done}")[0]) + "1 "
        page.get_by_text(re.compile(read_one)).first.wait_for(timeout=10_000)
        keys.next_page(ui, "/options")

        keys.next_page(ui, "/compare")

        # Compare: tick the gene therapy with Space.
        gene_therapy = next(
            o
            for o in content.options
            if o.kind == "gene-therapy" and o.applies_to == "B" and o.status != "withdrawn"
        )
        box = keys.tab_to("checkbox", gene_therapy.name)
        assert box["checked"] != "true"
        keys.press("Space", settle=600)
        assert keys.focused()["checked"] == "true"
        keys.next_page(ui, "/values")

        # What matters: the first scale to its top step with the arrows, the rest as met.
        first_scale = keys.tab_to("radio", ui["importance.0"], answer=False)
        assert first_scale["checked"] != "true"
        for _ in range(4):
            now = keys.pick("ArrowRight")
        assert now["name"] == ui["importance.4"]
        keys.next_page(ui, "/fit")
        keys.next_page(ui, "/ready")
        keys.next_page(ui, "/summary")

        keys.tab_to("button", ui["summary_page.save_pdf"])
        with page.expect_download(timeout=90_000) as download:
            keys.press("Enter")
        pdf = tmp_path / "summary.pdf"
        download.value.save_as(pdf)
        screenshot(page, artifacts / "keyboard-journey-summary.png")
    finally:
        page.close()
        server.stop()

    (artifacts / "keyboard-tabs.json").write_text(json.dumps(keys.tabs, indent=2))
    print("\nTabs per page:", keys.tabs)
    assert download.value.suggested_filename == "decisionaid-summary-a4.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert ui["profile.a.hemophilia_type.B"] in text
    assert gene_therapy.name in text
    saved = json.loads((data / "session.json").read_text())
    assert saved["profile"]["hemophilia_type"] == "B"
    assert ui[f"profile.a.severity.{saved['profile']['severity']}"] == severity["name"]
    assert saved["compare_picks"] and gene_therapy.id in saved["compare_picks"]
    assert saved["modules_read"] == [module.id]
    assert next(iter(saved["importance"].values())) == 4
    budget = {"/values": values_budget(content)}
    over = {path: n for path, n in keys.tabs.items() if n > budget.get(path, 60)}
    assert over == {}, f"too many Tab stops: {keys.tabs}"
