"""A limit crossed only for some people (review M5-2) names real options and answers a
person can give.

An option that is not in content would never be marked; an answer no one can give, or
"not sure", would never match (the rule for licence rules and worded notes alike), so
the crossing would silently never show. Its sources are checked with every other
citation (`checks._cited`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.domain.session import UNKNOWN_ANSWERS
from decisionaid.loader.problems import Problem
from decisionaid.loader.rubric_checks import profile_answers

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles


def crossing_problems(files: ContentFiles) -> list[Problem]:
    """Each `crossed_by_when` option that is no option, and each answer that never matches."""
    if not files.attributes:
        return []
    table, w = files.attributes
    option_ids = {o.id for o, _ in files.options} | files.option_files
    problems = []
    for i, limit in enumerate(table.hard_limits):
        for j, crossing in enumerate(limit.crossed_by_when):
            where = ("hard_limits", i, "crossed_by_when", j)
            name = f"hard_limits[{i}].crossed_by_when[{j}]"
            problems += [
                Problem(w.path, w.line_of(*where, "options", k), f"{name}.options", f"no option '{oid}'")
                for k, oid in enumerate(crossing.options)
                if option_ids and oid not in option_ids
            ]
            for field, answers in crossing.when.items():
                possible = profile_answers(field) - UNKNOWN_ANSWERS
                for answer in answers:
                    if answer in UNKNOWN_ANSWERS:
                        message = f"'{answer}' never marks an option: the person is told to ask instead"
                    elif answer not in possible:
                        message = (
                            f"'{answer}' is not an answer to {field} (answers: {', '.join(sorted(possible))})"
                        )
                    else:
                        continue
                    problems.append(
                        Problem(w.path, w.line_of(*where, "when", field), f"{name}.when.{field}", message)
                    )
    return problems
