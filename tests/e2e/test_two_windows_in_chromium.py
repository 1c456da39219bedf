"""Two tabs on one device, in Chromium: neither erases the other's answers, and the second is told."""

from __future__ import annotations

from decisionaid.loader import load_content
from tests.e2e.test_full_journeys_in_chromium import DESKTOP, scroll_to
from tests.e2e.ui import open_app, saved_session, screenshot, wait_until


def type_into(page, field, what: str, text: str) -> None:
    """Click into a text field found by its role and name, and type as a person does."""
    page.bring_to_front()
    scroll_to(page, field, what, steps=40)
    field.click()
    page.wait_for_timeout(300)  # Flutter sets up its editing element just after focus
    page.keyboard.type(text)


def test_a_note_typed_in_one_tab_survives_a_note_typed_in_a_tab_opened_earlier(
    browser, server, artifacts, shipped_content
):
    ui = load_content(shipped_content).ui
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab_b = context.new_page()
        open_app(tab_b, server.link("clinician"), ui["clinician.intro"])
        tab_a = context.new_page()
        open_app(tab_a, server.link("ready"), ui["ready.intro"])

        notes = tab_a.get_by_role("textbox", name=ui["ready.notes_label"])
        type_into(tab_a, notes, "the notes field", "TAB-A-NOTE")
        wait_until(lambda: saved_session(server.data_dir)["notes"] == "TAB-A-NOTE", "tab A's note saved")

        care_notes = tab_b.get_by_role("textbox", name=ui["clinician.notes_label"])
        type_into(tab_b, care_notes, "the care team's notes field", "From the nurse")
        saved = wait_until(
            lambda: (
                saved_session(server.data_dir)["clinician_notes"] == "From the nurse"
                and saved_session(server.data_dir)
            ),
            "tab B's note saved",
        )
        assert saved["notes"] == "TAB-A-NOTE"  # the old app wrote tab B's stale copy over it

        tab_b.mouse.wheel(0, -20_000)  # the message is at the top of the page
        tab_b.get_by_text(ui["saving.merged"]).first.wait_for(timeout=30_000)
        screenshot(tab_b, artifacts / "two-windows-merged.png")
    finally:
        context.close()
