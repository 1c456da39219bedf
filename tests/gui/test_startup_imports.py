"""The first screen does not wait for the other pages' imports (issue 16: start-up)."""

from __future__ import annotations

import subprocess
import sys

from decisionaid.gui.app import DEFERRED, preload_views, view
from decisionaid.gui.routes import ASIDE, JOURNEY


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
    assert not {m for m in loaded if m.startswith(("decisionaid.export", "fpdf", "fontTools"))}
    assert not {f"decisionaid.gui.views.{module}" for module, _ in DEFERRED.values()} & loaded


def test_every_page_but_the_welcome_page_is_deferred_and_each_deferred_page_exists():
    keys = {step.key for step in (*JOURNEY, *ASIDE)} - {"welcome"}
    assert set(DEFERRED) == keys
    preload_views()
    for key, (_, name) in DEFERRED.items():
        assert view(key).__name__ == name
