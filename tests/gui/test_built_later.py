"""The web server starts before the app is built, and every session waits for the build
(issue 16: start-up)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest

from decisionaid.gui.later import LaterApp

SERVE_AND_REPORT = """
import sys
from decisionaid import cli
from decisionaid.gui import server

def serve(main, **kwargs):
    names = ("decisionaid.gui.app", "decisionaid.domain.content", "decisionaid.loader", "pydantic")
    heavy = [m for m in names if m in sys.modules]
    print("HEAVY:" + ",".join(heavy))

server.serve = serve
cli.main(["--web", "--data-dir", sys.argv[1]])
"""


def test_the_server_is_started_before_the_app_and_its_content_are_loaded(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SERVE_AND_REPORT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY:\n" in done.stdout, done.stdout


async def test_a_session_waits_for_the_build_without_holding_the_event_loop():
    release = threading.Event()
    seen: list[str] = []

    def build():
        release.wait(5)
        return lambda page: seen.append(page)

    later = LaterApp(build)
    session = asyncio.create_task(later.main("page-1"))
    ticks = 0
    while ticks < 5:  # the loop keeps running while the build waits
        await asyncio.sleep(0.01)
        ticks += 1
    assert not session.done() and seen == []
    release.set()
    await asyncio.wait_for(session, 5)
    await later.main("page-2")
    assert seen == ["page-1", "page-2"]


def test_the_app_is_built_once_however_many_ask():
    builds: list[int] = []
    later = LaterApp(lambda: builds.append(1) or (lambda page: None))
    threads = [threading.Thread(target=later.wait) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert builds == [1]


def test_a_build_that_fails_fails_every_session_that_waits_for_it():
    def build():
        raise RuntimeError("no content")

    later = LaterApp(build)
    with pytest.raises(RuntimeError, match="no content"):
        later.wait(5)
    with pytest.raises(RuntimeError, match="no content"):
        asyncio.run(later.main("page"))
