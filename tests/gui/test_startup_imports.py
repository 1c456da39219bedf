"""The first screen does not wait for the other pages' imports (issue 16: start-up)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from decisionaid.gui.app import DEFERRED, preload_views, view
from decisionaid.gui.routes import ASIDE, JOURNEY
from decisionaid.gui.server import GuardedApp


def _imported_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after running `statement`."""
    done = subprocess.run(
        [sys.executable, "-c", f"{statement}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_importing_the_app_leaves_out_the_pdf_export_and_the_other_pages():
    loaded = _imported_after("import decisionaid.gui.entry")

    assert "decisionaid.gui.views.welcome" in loaded
    assert not {m for m in loaded if m.startswith(("decisionaid.export", "typst"))}
    assert not {f"decisionaid.gui.views.{module}" for module, _ in DEFERRED.values()} & loaded


def test_every_page_but_the_welcome_page_is_deferred_and_each_deferred_page_exists():
    keys = {step.key for step in (*JOURNEY, *ASIDE)} - {"welcome"}
    assert set(DEFERRED) == keys
    preload_views()
    for key, (_, name) in DEFERRED.items():
        assert view(key).__name__ == name


def test_the_server_warms_up_once_at_the_first_page_load_that_passes_the_guard_and_never_for_a_refused_one():
    from tests.gui.test_server_guard import GUARD, flet_like, http_scope, run

    done = threading.Event()
    calls: list[str] = []

    def warm_up() -> None:
        calls.append(threading.current_thread().name)
        done.set()

    app = GuardedApp(flet_like, GUARD, warm_up=warm_up)
    refused = run(app, http_scope([(b"host", b"127.0.0.1:8550")]))
    assert refused[0]["status"] == 403
    assert not done.wait(0.2)

    cookie = (b"cookie", f"decisionaid-key-8550={GUARD.key}".encode())
    for _ in range(3):
        assert run(app, http_scope([(b"host", b"127.0.0.1:8550"), cookie]))[0]["status"] == 200
    assert done.wait(10)
    time.sleep(0.2)
    assert calls == ["warm-up"]
