"""Reads a content folder into validated domain objects, reporting every problem."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decisionaid.loader.problems import ContentProblems, Problem, RuleProblem

if TYPE_CHECKING:
    from decisionaid.loader.load import load_content, read_content, source_rule_problems

__all__ = [
    "ContentProblems",
    "Problem",
    "RuleProblem",
    "load_content",
    "read_content",
    "source_rule_problems",
]

_FROM_LOAD = ("load_content", "read_content", "source_rule_problems")


def __getattr__(name: str) -> Any:
    # Imported on first use (issue 16): the loader and its checks cost a tenth of a second,
    # and a start that reads the content from its cache (loader.cache) never needs them.
    if name in _FROM_LOAD:
        from decisionaid.loader import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
