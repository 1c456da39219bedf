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


def slow(work_window: list[float]) -> None:
    """The slow work itself: SLOW seconds, its start and end kept in `work_window`."""
    work_window.append(time.monotonic())
    time.sleep(SLOW)
    work_window.append(time.monotonic())


async def longest_stall(work: Awaitable[None], work_window: list[float]) -> float:
    """Run `work` while another coroutine ticks every 20 ms: the longest time the ticks
    stopped while the slow work ran. Only that window counts: drawing the page after it
    is ordinary work on the loop, and on a loaded machine it can take a second."""
    ticks: list[float] = []

    async def tick() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.02)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)  # ticking before the work starts
    await work
    ticks.append(time.monotonic())
    ticker.cancel()
    assert len(work_window) == 2, "the slow work did not run"
    start, end = work_window
    return max(min(b, end) - max(a, start) for a, b in itertools.pairwise(ticks))


async def test_a_slow_pdf_export_leaves_the_event_loop_free(shipped_content, tmp_path, monkeypatch):
    window: list[float] = []

    def slow_render(summary, paper="a4") -> bytes:
        slow(window)  # as a long right-to-left summary does (10 s in the report)
        return b"%PDF-slow"

    monkeypatch.setattr("decisionaid.gui.views.summary.render_pdf", slow_render)
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")
    assert await longest_stall(app.click("save-pdf"), window) < 0.5
    name, args = app.client.calls[-1]
    assert (name, args["src_bytes"]) == ("save_file", b"%PDF-slow")


async def test_a_slow_html_export_leaves_the_event_loop_free(shipped_content, tmp_path, monkeypatch):
    window: list[float] = []

    def slow_render(summary) -> str:
        slow(window)
        return "<html>slow</html>"

    monkeypatch.setattr("decisionaid.gui.views.summary.render_html", slow_render)
    app = await start_app(make_app(shipped_content, tmp_path), route="/summary")
    assert await longest_stall(app.click("save-html"), window) < 0.5
    assert app.client.calls[-1][1]["src_bytes"] == b"<html>slow</html>"


async def test_opening_a_large_file_in_clinician_mode_leaves_the_event_loop_free(
    shipped_content, tmp_path, monkeypatch
):
    window: list[float] = []

    def slow_parse(text, path):
        slow(window)  # as a 50 MB session file does
        return parse_session(text, path)

    monkeypatch.setattr("decisionaid.gui.state.parse_session", slow_parse)
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    app.client.files_to_pick = [picked("daniel.json", (SESSIONS / "daniel-hemophilia-b.json").read_bytes())]
    assert await longest_stall(app.click("open-session"), window) < 0.5
    assert any(t.startswith("Showing the session file daniel.json") for t in app.texts())
