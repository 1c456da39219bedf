"""Helpers to drive the Flutter app in Chromium through its accessibility tree."""

from __future__ import annotations

import time
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
    """The element with a stable `Semantics(identifier=...)` handle."""
    return page.locator(f'[flt-semantics-identifier="{identifier}"]')


def screenshot(page: Page, path: Path) -> Path:
    """A screenshot taken once the canvas has painted (the tree can be ready first)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        painted = page.evaluate(
            """() => {
                const c = document.querySelector('canvas');
                if (!c) return false;
                const probe = document.createElement('canvas');
                probe.width = 32; probe.height = 32;
                const g = probe.getContext('2d');
                g.drawImage(c, 0, 0, 32, 32);
                const d = g.getImageData(0, 0, 32, 32).data;
                for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true;
                return false;
            }"""
        )
        if painted:
            break
        time.sleep(0.2)
    # Flutter paints text in more than one frame while glyphs load; let it settle.
    time.sleep(1.5)
    page.screenshot(path=str(path))
    return path
