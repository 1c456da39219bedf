"""Where the shipped content and assets are, and where a person's data is kept."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_LOCALE = "en"


def _shipped(name: str) -> Path:
    # A wheel carries the folder inside the package; a source checkout has it
    # beside the package (see [tool.hatch.build] in pyproject.toml).
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


def content_root() -> Path:
    """The folder that holds one subfolder per locale."""
    return _shipped("content")


def locale_root(locale: str = DEFAULT_LOCALE) -> Path:
    """The content folder of one locale."""
    return content_root() / locale


def assets_dir() -> Path:
    """Fonts, icons and images shipped with the app."""
    return _shipped("assets")


def data_dir() -> Path:
    """Where sessions are saved: $DECISIONAID_DATA_DIR, or the user data folder."""
    override = os.environ.get("DECISIONAID_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("decisionaid", appauthor=False))


def cache_dir() -> Path | None:
    """Where loaded content is cached (loader.cache): $DECISIONAID_CACHE_DIR, or the user
    cache folder; None when $DECISIONAID_CACHE_DIR is set but empty (no cache)."""
    override = os.environ.get("DECISIONAID_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    return Path(platformdirs.user_cache_dir("decisionaid", appauthor=False))
