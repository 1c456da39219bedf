"""A problem found in a content file, and the error that carries all of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place: `path:line field: message`.

    Line 0 means the whole file (for example, a file that is missing).
    """

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.field}: {self.message}"


@dataclass(frozen=True, order=True)
class RuleProblem:
    """A problem found by one of the source rules, with the rule's id for the progress report."""

    rule: str
    problem: Problem


class ContentProblems(Exception):
    """The content folder has mistakes; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def report(self) -> str:
        """All problems, one line each."""
        return "\n".join(str(p) for p in self.problems)


def display_path(path: Path) -> str:
    """The path as the author would type it: relative to here when it can be."""
    # Only the folder is resolved: a file that is a link keeps its own name (and a
    # loop of links, which resolve() refuses, is named like any other file).
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop of links (Python 3.11)
        return str(path)
