"""A note's wordings for some people name answers a person can really give.

A variant on an answer nobody can give would never show, and one on "not sure"
would take the general wording away from a person who does not know (say, his
type), so both are reported. Its sources are checked with every other citation
(`checks._cited`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from decisionaid.domain.session import UNKNOWN_ANSWERS
from decisionaid.loader.problems import Problem
from decisionaid.loader.rubric_checks import profile_answers

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles


def answer_problems(when: Mapping[str, Sequence[str]], unknown: str) -> Iterator[tuple[str, str]]:
    """(field, message) for each answer in a `when` that no one can give, or that is "not
    sure" (`unknown` says what such an answer does instead)."""
    for field, answers in when.items():
        possible = profile_answers(field) - UNKNOWN_ANSWERS
        for answer in answers:
            if answer in UNKNOWN_ANSWERS:
                yield field, f"'{answer}' {unknown}"
            elif answer not in possible:
                yield (
                    field,
                    f"'{answer}' is not an answer to {field} (answers: {', '.join(sorted(possible))})",
                )


def variant_problems(files: ContentFiles) -> list[Problem]:
    """Every variant `when` answer that is not sure or that no one can give."""
    if not files.flags:
        return []
    table, w = files.flags
    problems = []
    for i, flag in enumerate(table.flags):
        for j, variant in enumerate(flag.variants):
            unknown = "never picks a wording: the person keeps the general text"
            for field, message in answer_problems(variant.when, unknown):
                problems.append(
                    Problem(
                        w.path,
                        w.line_of("flags", i, "variants", j, "when", field),
                        f"flags[{i}].variants[{j}].when.{field}",
                        message,
                    )
                )
    return problems
