"""The app built after the web server is up, not before it (issue 16: start-up).

Building the app imports its views, pydantic models and loaders and reads every content
file: more than half of the time between `decisionaid --web` and the first page it can
serve. The browser does not need any of it until Flutter's own files have loaded and it
opens the WebSocket, a second or more after the first page load. So the server starts
with `LaterApp.main`, which waits for the build; the build starts at the first page load
(the server's warm-up hook), or at the first session if that comes first.

Kept free of heavy imports: importing this module must not undo what it is for.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

Main = Callable[[Any], None]


class LaterApp:
    """A Flet `main` whose real `main(page)` is made by `build` in a thread, once."""

    def __init__(self, build: Callable[[], Main]):
        self._build = build
        self._built: Main | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._start = threading.Lock()
        self._started = False

    def start(self) -> None:
        """Begin the build in its own thread (only the first call does anything)."""
        with self._start:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="app-build", daemon=True).start()

    def _run(self) -> None:
        try:
            self._built = self._build()
        except BaseException as error:  # handed to every session, which shows Flet's error
            self._error = error
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> Main:
        """The built `main`, once ready (blocking); the build's error if it failed."""
        self.start()
        if not self._done.wait(timeout):
            raise TimeoutError("the app was not built in time")
        if self._error is not None:
            raise self._error
        assert self._built is not None
        return self._built

    async def main(self, page: Any) -> None:
        """Flet's entry for each session: wait off the event loop for the build, then run it."""
        self.start()
        if not self._done.is_set():
            await asyncio.to_thread(self._done.wait)
        self.wait()(page)
