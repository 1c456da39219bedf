"""Reads a content folder into validated domain objects, reporting every problem."""

from decisionaid.loader.load import load_content, read_content, source_rule_problems
from decisionaid.loader.problems import ContentProblems, Problem, RuleProblem

__all__ = [
    "ContentProblems",
    "Problem",
    "RuleProblem",
    "load_content",
    "read_content",
    "source_rule_problems",
]
