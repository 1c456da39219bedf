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
    """The shipped English content, loaded once per test module."""
    from decisionaid import locations
    from decisionaid.loader import load_content

    return load_content(locations.locale_root("en"))


@pytest.fixture(scope="session", autouse=True)
def _apps_in_process_load_the_shipped_content_once():
    """The in-process apps of the GUI tests (`make_app(root, data)`, no cache folder) each
    loaded and checked the content afresh: a third to half a second, hundreds of times a run.
    Here a worker keeps each content version's loaded JSON in memory, keyed as the on-disk
    cache is (`loader.cache.content_key`: every byte of the content and of the code), and
    each app still gets its own object, validated by the same models. An edited copy of the
    content has another key and is loaded afresh; content with problems is never kept."""
    from decisionaid.domain.content import Content
    from decisionaid.gui import app as app_module
    from decisionaid.loader.cache import content_key

    original = app_module.cached_content
    loaded: dict[str, bytes] = {}

    def once(root: Path, cache_dir: Path | None) -> Content:
        if cache_dir is not None:
            return original(root, cache_dir)
        key = content_key(root)
        if key in loaded:
            return Content.model_validate_json(loaded[key])
        content = original(root, None)
        loaded[key] = content.model_dump_json().encode("utf-8")
        return content

    app_module.cached_content = once
    yield
    app_module.cached_content = original
