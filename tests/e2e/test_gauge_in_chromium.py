"""The factor-level gauge in Debian's Chromium: its scale switch is found by role and name,
works from the keyboard, and the picture's words follow it."""

from __future__ import annotations

from decisionaid.loader import load_content
from tests.e2e.ui import by_id, open_app, screenshot, wait_until


def test_the_gauges_plain_scale_switch_is_named_and_works_with_the_keyboard(
    browser, server, artifacts, shipped_content
):
    content = load_content(shipped_content)
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    try:
        open_app(page, server.link("options"), content.text("figure.gauge.title"))
        switch = page.get_by_role("switch", name=content.text("figure.scale.switch"), exact=True)
        switch.wait_for(state="attached", timeout=45_000)
        assert switch.get_attribute("aria-checked") == "false"
        screenshot(page, artifacts / "gauge-stretched.png")
        switch.focus()
        page.keyboard.press("Space")
        # The picture is one image node labelled with its words (found by its handle: an
        # image has no name of its own to search by); the words now name the plain scale.
        gauge = by_id(page, "figure-gauge").first
        wait_until(
            lambda: content.text("figure.scale.linear") in (gauge.get_attribute("aria-label") or ""),
            "the gauge's words to name the plain scale",
        )
        assert switch.get_attribute("aria-checked") == "true"
        page.get_by_text(content.text("figure.scale.linear"), exact=True).first.wait_for(timeout=15_000)
        screenshot(page, artifacts / "gauge-plain.png")
    finally:
        page.close()
