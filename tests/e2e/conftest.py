"""End-to-end fixtures: the real app served on a free loopback port, and Chromium.

When CI is set, a missing browser fails the run: these tests must run there,
never skip. Elsewhere they skip with the command that would make them run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


ANNOUNCED = re.compile(r"decisionaid is running at http://127\.0\.0\.1:\d+/\?key=([A-Za-z0-9_-]+)")
OPENER = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module (sync Playwright holds an event loop while open,
    so it must be closed before the asyncio GUI tests run)."""
    path = chromium_path()
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: end-to-end tests must run in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield ReducedMotion(launched)
        launched.close()


class ReducedMotion:
    """The browser, whose new pages and contexts ask for reduced motion unless a test says
    otherwise (`reduced_motion="no-preference"`), as a person who turned animations off in
    their system settings does. Flutter then skips its radio, checkbox and ripple
    animations: a tap draws 2 frames instead of 6 to 11, and the main thread works about
    100 ms instead of 300 (measured on About you). Every screen and every check is the
    same; the full journey on a phone keeps the animations, so that a tap landing while
    something still moves stays tested."""

    def __init__(self, browser):
        self._browser = browser

    def new_page(self, **options):
        return self._browser.new_page(**{"reduced_motion": "reduce", **options})

    def new_context(self, **options):
        return self._browser.new_context(**{"reduced_motion": "reduce", **options})

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`decisionaid --web` in its own process group, on a free loopback port.

    The address to open is the one the app prints, with its per-launch key.
    """

    def __init__(self, data_dir: Path, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.key: str | None = None
        self.data_dir = data_dir
        self.log = log
        self.process: subprocess.Popen | None = None

    def link(self, path: str = "") -> str:
        """The address of `path` with the key, as the person opens it."""
        assert self.key is not None, "the server has not said its address yet"
        return f"{self.url}{path}?key={self.key}"

    def start(self) -> Server:
        env = {**os.environ, "DECISIONAID_DATA_DIR": str(self.data_dir)}
        env.pop("DISPLAY", None)
        self.log.write_bytes(b"")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "decisionaid", "--web", "--port", str(self.port)],
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited early:\n{self.log.read_text()}")
            said = ANNOUNCED.search(self.log.read_text(errors="replace"))
            if said:
                self.key = said.group(1)
                try:
                    with OPENER.open(self.link(), timeout=1) as response:
                        if response.status == 200:
                            return self
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(f"the app did not answer on {self.url}:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)


@pytest.fixture
def server(tmp_path):
    served = Server(tmp_path / "data", tmp_path / "server.log").start()
    yield served
    served.stop()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
