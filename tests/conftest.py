"""Shared fixtures: where the content lives, and copies of it to break on purpose."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from decisionaid import locations

# The apps and commands the tests start keep their content cache (loader.cache) out of the
# home folder of whoever runs the tests; the key is a hash, so runs can share it.
os.environ.setdefault(
    "DECISIONAID_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"decisionaid-test-cache-{os.getuid()}")
)

# Shared journey checks report their failing values like asserts in a test module.
pytest.register_assert_rewrite("tests.journey_people")

LONGEST_FIRST = (
    "tests/e2e/test_full_journeys_in_chromium.py",
    "tests/e2e/test_accessibility_audit_in_chromium.py",
    "tests/e2e/test_issue_14_people_in_chromium.py",
    "tests/e2e/test_keyboard_journey_in_chromium.py",
    "tests/e2e/test_benchmark_suite.py",
)
"""The modules that take minutes (their durations are printed at the end of each run):
started first, so the two workers of `make test` (`--dist loadfile`, no reordering)
finish together instead of one walking the accessibility audit alone at the end."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest modules first, then the other Chromium tests, then the rest; a stable
    sort, so the order within a module is unchanged."""

    def weight(item: pytest.Item) -> int:
        module = item.nodeid.split("::", 1)[0]
        if module in LONGEST_FIRST:
            return LONGEST_FIRST.index(module)
        return len(LONGEST_FIRST) + (0 if module.startswith("tests/e2e/") else 1)

    items.sort(key=weight)


TESTDATA = Path(__file__).parent / "testdata"
VALID = TESTDATA / "loader" / "valid" / "en"
FAULTS = TESTDATA / "loader" / "faults"


@pytest.fixture
def shipped_content() -> Path:
    """The real English content that ships with the app."""
    return locations.locale_root("en")


@pytest.fixture
def content_copy(tmp_path: Path):
    """A factory: a copy of the small valid locale (with the shipped ui.yaml), with
    named fault overlays applied."""

    def make(*faults: str, remove: tuple[str, ...] = ()) -> Path:
        root = tmp_path / "content" / "en"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(VALID, root)
        # The interface strings are the shipped ones: the loader checks every key the app needs.
        shutil.copy(locations.locale_root("en") / "ui.yaml", root / "ui.yaml")
        for fault in faults:
            shutil.copytree(FAULTS / fault, root, dirs_exist_ok=True)
        for relative in remove:
            (root / relative).unlink()
        return root

    return make


@pytest.fixture(scope="module")
def content():
    """The shipped English content, loaded once per worker, a fresh object per test module."""
    from decisionaid import locations
    from tests.content_once import loaded

    return loaded(locations.locale_root("en"))


@pytest.fixture(scope="session", autouse=True)
def _apps_in_process_load_each_content_version_once():
    """The in-process apps of the GUI tests (`make_app(root, data)`, no cache folder) each
    loaded and checked the content afresh; now once per version and worker (tests.content_once)."""
    from decisionaid.gui import app as app_module
    from tests.content_once import once

    original = app_module.cached_content

    def cached(root: Path, cache_dir: Path | None):
        if cache_dir is not None:
            return original(root, cache_dir)
        return once(root, lambda r: original(r, None))

    app_module.cached_content = cached
    yield
    app_module.cached_content = original
