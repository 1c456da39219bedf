"""Figures taken in Debian's Chromium, as the end-to-end tests drive the app, each against a
plain Flet app served the same way in the same run.

- a click to the next step: Start, then Next to the summary, then Back to the welcome page,
  timed from the press to the new page's level-1 heading in the accessibility tree, against
  a Flet counter's click to its new text;
- `goto` to the first text in the accessibility tree, against a Flet hello-world;
- the server's memory per extra browser session, from 1 to 1 + `sessions` open tabs.

Times are taken inside the page (`benchmarks/in_page.js`): from the press's pointerup event
to the DOM change that shows the awaited text, so Python's and Playwright's own delays are
not counted. The browser, its launch options and the `Server` helper are the e2e tests' own.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from benchmarks.flet_counter import BUTTON, count_text
from benchmarks.processes import LOOPBACK, PROJECT, _env, _stop, free_port
from decisionaid import locations
from decisionaid.gui.routes import JOURNEY
from decisionaid.loader import load_content
from tests.e2e.conftest import CHROMIUM_ARGS, Server, chromium_path
from tests.e2e.ui import button

IN_PAGE = (Path(__file__).parent / "in_page.js").read_text(encoding="utf-8")
VIEWPORT = {"width": 1440, "height": 900}
WAIT_MS = 60_000
"""How long one click or one page load may take before the row is reported as failed."""
SETTLE_SECONDS = 0.3
"""A pause after each arrival, the same for both apps, so one click's trailing work is not
counted in the next."""


@dataclass(frozen=True)
class Clicks:
    """Milliseconds from each press to the awaited text, in order, with what each press was."""

    labels: list[str]
    ms: list[float]

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.ms) / 1000

    @property
    def max_seconds(self) -> float:
        return max(self.ms) / 1000

    def slowest(self) -> str:
        """The press that took longest, named."""
        worst = max(range(len(self.ms)), key=self.ms.__getitem__)
        return f"{self.labels[worst]} ({self.ms[worst]:,.0f} ms)"


def launch(playwright) -> Browser:
    """Debian's Chromium with the e2e tests' launch options."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def new_context(browser: Browser, first_text: str, heading: bool) -> BrowserContext:
    """A fresh context (cold cache) whose pages time their first `first_text`."""
    context = browser.new_context(viewport=VIEWPORT)
    want = json.dumps({"text": first_text, "heading": heading})
    context.add_init_script(f"window.__benchFirst = {want};\n{IN_PAGE}")
    return context


def open_timed(context: BrowserContext, url: str) -> tuple[Page, float]:
    """A new page at `url` and the seconds from navigation start to its first text."""
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function("window.__bench && window.__bench.first !== null", timeout=WAIT_MS)
    return page, page.evaluate("window.__bench.first") / 1000


def press(page: Page, name: str, text: str, heading: bool) -> float:
    """Milliseconds from pressing the button `name` until `text` is in the accessibility tree."""
    page.evaluate(
        "([want, wait]) => window.__bench.watch(want, wait)", [{"text": text, "heading": heading}, WAIT_MS]
    )
    button(page, name).click(timeout=WAIT_MS)
    elapsed = page.evaluate("window.__bench.result")
    if elapsed is None:
        raise RuntimeError(f"pressing {name!r} did not show {text!r} within {WAIT_MS / 1000:.0f} s")
    time.sleep(SETTLE_SECONDS)
    return elapsed


@contextlib.contextmanager
def served(module: str) -> Iterator[str]:
    """`python -m <module> --port N` (a plain Flet app) on the loopback address; yields its URL."""
    port = free_port()
    url = f"http://{LOOPBACK}:{port}/"
    with tempfile.TemporaryDirectory() as data_dir:
        process = subprocess.Popen(
            [sys.executable, "-m", module, "--port", str(port)],
            cwd=PROJECT,
            env=_env(data_dir),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 90
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{module} did not start")
                with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
                time.sleep(0.1)
            yield url
        finally:
            _stop(process)


@contextlib.contextmanager
def decisionaid_served() -> Iterator[Server]:
    """`decisionaid --web` with an empty data folder, by the e2e tests' `Server` helper."""
    with tempfile.TemporaryDirectory() as work:
        server = Server(Path(work) / "data", Path(work) / "server.log").start()
        try:
            yield server
        finally:
            server.stop()


def interface_text() -> dict[str, str]:
    """The interface strings of the shipped content (button names, page titles)."""
    return load_content(locations.locale_root()).ui


def journey_clicks(browser: Browser, runs: int, steps: int = 0) -> Clicks:
    """Start, Next to the summary, Back to the welcome page, `runs` times, each on a new server;
    `steps` > 0 walks only that many steps in and back (the tests' smallest run)."""
    ui = interface_text()
    titles = [ui["welcome.title"], *(ui[step.title_key] for step in JOURNEY[1:])]
    end = min(len(JOURNEY), steps + 1) if steps > 0 else len(JOURNEY)
    presses = [(ui["welcome.start"], 1)]
    presses += [(ui["nav.next"], n) for n in range(2, end)]
    presses += [(ui["nav.back"], n) for n in range(end - 2, -1, -1)]
    labels: list[str] = []
    ms: list[float] = []
    for _ in range(runs):
        # A new server with an empty data folder each time: after one walk the welcome page
        # offers to resume instead of Start.
        with decisionaid_served() as server:
            context = new_context(browser, titles[0], heading=True)
            try:
                page, _ = open_timed(context, server.link())
                where = JOURNEY[0].key
                for name, to in presses:
                    ms.append(press(page, name, titles[to], heading=True))
                    labels.append(f"{name}: {where} to {JOURNEY[to].key}")
                    where = JOURNEY[to].key
            finally:
                context.close()
    return Clicks(labels, ms)


def counter_clicks(browser: Browser, count: int) -> Clicks:
    """The baseline: `count` presses of the Flet counter's button, each to its new text."""
    with served("benchmarks.flet_counter") as url:
        context = new_context(browser, count_text(0), heading=False)
        try:
            page, _ = open_timed(context, url)
            ms = [press(page, BUTTON, count_text(n), heading=False) for n in range(1, count + 1)]
        finally:
            context.close()
    return Clicks([f"{BUTTON} {n}" for n in range(1, count + 1)], ms)


def _median_first_text(browser: Browser, url_of, text: str, heading: bool, runs: int) -> float:
    """Median seconds from `goto` to `text`, each run in a fresh context (cold cache)."""
    times = []
    for _ in range(runs):
        context = new_context(browser, text, heading)
        try:
            times.append(open_timed(context, url_of())[1])
        finally:
            context.close()
    return statistics.median(times)


def first_text_seconds(browser: Browser, runs: int) -> float:
    """decisionaid: median seconds from `goto` to the welcome page's heading."""
    title = interface_text()["welcome.title"]
    with decisionaid_served() as server:
        return _median_first_text(browser, server.link, title, True, runs)


def hello_first_text_seconds(browser: Browser, runs: int) -> float:
    """The baseline: median seconds from `goto` to the Flet hello-world's "Hello"."""
    with served("benchmarks.flet_hello") as url:
        return _median_first_text(browser, lambda: url, "Hello", False, runs)


def rss_megabytes(pid: int) -> float:
    """The resident memory of process `pid` (Linux: /proc), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


TABS_AT_ONCE = 4
"""Browser tabs the memory figure loads at the same time."""


def memory_per_session(browser: Browser, sessions: int) -> float:
    """The server's extra resident memory per browser session: RSS after 1 + `sessions` open
    tabs (each its own Flet session, on the welcome page) less RSS after 1, over `sessions`."""
    title = interface_text()["welcome.title"]
    with decisionaid_served() as server:
        assert server.process is not None
        context = new_context(browser, title, heading=True)
        try:
            open_timed(context, server.link())
            time.sleep(1)
            one = rss_megabytes(server.process.pid)
            # Tabs load a few at a time, each showing its text before the next few start: all
            # at once, 20 CanvasKit tabs compiling on two cores outran the wait (2026-12-01).
            # They all stay open, so the figure is still the memory of `sessions` sessions.
            pages = [context.new_page() for _ in range(sessions)]
            for start in range(0, sessions, TABS_AT_ONCE):
                batch = pages[start : start + TABS_AT_ONCE]
                for page in batch:
                    page.goto(server.link(), wait_until="commit")
                for page in batch:
                    page.wait_for_function("window.__bench && window.__bench.first !== null", timeout=WAIT_MS)
            time.sleep(1)
            many = rss_megabytes(server.process.pid)
        finally:
            context.close()
    return (many - one) / sessions
