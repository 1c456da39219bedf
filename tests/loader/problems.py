"""Helpers for the loader tests: the problems a content tree has, as the lines a user reads."""

from __future__ import annotations

from pathlib import Path

from decisionaid.loader import read_content


def problems_in(root: Path) -> list[str]:
    """Every problem of the content at ``root``, as ``path:line field: message`` lines."""
    content, problems = read_content(root)
    assert content is None, "content with problems must not load"
    return [str(p) for p in problems]


def only_line(lines: list[str]) -> str:
    """The one line of ``lines``; fails, showing them all, when there is not exactly one."""
    assert len(lines) == 1, lines
    return lines[0]
