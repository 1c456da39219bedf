"""Reads a content folder into validated domain objects, reporting every problem."""

from decisionaid.loader.load import load_content, read_content
from decisionaid.loader.problems import ContentProblems, Problem

__all__ = ["ContentProblems", "Problem", "load_content", "read_content"]
