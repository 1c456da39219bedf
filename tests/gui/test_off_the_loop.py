"""Slow work (a PDF, a large session file) runs off the event loop that every session shares."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable

from decisionaid.gui.app import make_app
from decisionaid.storage import parse_session
from tests.gui.harness import start_app
from tests.gui.test_clinician import SESSIONS, picked

SLOW = 1.0  # seconds the monkeypatched work takes


async def longest_stall(work: Awaitable[None]) -> float:
    """Run `work` while another coroutine ticks every 20 ms; the longest gap between ticks."""
    ticks: list[float] = []

    async def tick() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.02)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)  # ticking before the work starts
    started = time.monotonic()
    await work
    ticks.append(time.monotonic())
    ticker.cancel()
    assert ticks[-1] - started >= SLOW, "the slow work did not run"
    return max(b - a for a, b in itertools.pairwise(ticks))


async def test_a_slow_pdf_export_leaves_the_event_loop_free(shipped_content, tmp_path, monkeypatch):
    def slow_render(summary, paper="a4") -> bytes:
        time.sleep(SLOW)  # as a long right-to-left summary does (10 s in the report)
        return b"%PDF-slow"

    monkeypatch.setattr("decisionaid.gui.views.summary.render_pdf", slow_render)
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")
    assert await longest_stall(app.click("save-pdf")) < 0.5
    name, args = app.client.calls[-1]
    assert (name, args["src_bytes"]) == ("save_file", b"%PDF-slow")


async def test_a_slow_html_export_leaves_the_event_loop_free(shipped_content, tmp_path, monkeypatch):
    def slow_render(summary) -> str:
        time.sleep(SLOW)
        return "<html>slow</html>"

    monkeypatch.setattr("decisionaid.gui.views.summary.render_html", slow_render)
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")
    assert await longest_stall(app.click("save-html")) < 0.5
    assert app.client.calls[-1][1]["src_bytes"] == b"<html>slow</html>"


async def test_opening_a_large_file_in_clinician_mode_leaves_the_event_loop_free(
    shipped_content, tmp_path, monkeypatch
):
    def slow_parse(text, path):
        time.sleep(SLOW)  # as a 50 MB session file does
        return parse_session(text, path)

    monkeypatch.setattr("decisionaid.gui.state.parse_session", slow_parse)
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    app.client.files_to_pick = [picked("daniel.json", (SESSIONS / "daniel-hemophilia-b.json").read_bytes())]
    assert await longest_stall(app.click("open-session")) < 0.5
    assert any(t.startswith("Showing the session file daniel.json") for t in app.texts())
