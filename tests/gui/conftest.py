"""GUI fixtures: the app running in a headless Flet session on the shipped content."""

from __future__ import annotations

import pytest

from decisionaid.gui.app import make_app
from tests.gui.harness import start_app


@pytest.fixture
async def app(shipped_content, tmp_path):
    """The real app, started at the welcome page."""
    return await start_app(make_app(shipped_content, tmp_path / "data"))
