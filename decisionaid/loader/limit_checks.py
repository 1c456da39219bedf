"""A limit crossed only for some people (review M5-2), and a picture left out for some
(review R11-1), name real options and answers a person can give.

An option that is not in content would never be marked; an answer no one can give, or
"not sure", would never match (the rule for licence rules and worded notes alike), so
the crossing would silently never show. Its sources are checked with every other
citation (`checks._cited`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.loader.flag_checks import answer_problems
from decisionaid.loader.problems import Problem

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
            unknown = "never marks an option: the person is told to ask instead"
            problems += [
                Problem(w.path, w.line_of(*where, "when", field), f"{name}.when.{field}", message)
                for field, message in answer_problems(crossing.when, unknown)
            ]
    return problems


def picture_answer_problems(files: ContentFiles) -> list[Problem]:
    """Each icon array `left_out_when` answer that no one can give, or that is "not sure"
    (review R11-1): such a map would never leave the picture out, silently."""
    if not files.figures:
        return []
    figures, w = files.figures
    unknown = "never leaves the picture out: a person who is not sure still sees it"
    problems = []
    for i, array in enumerate(figures.icon_arrays):
        for j, when in enumerate(array.left_out_when):
            where = ("icon_arrays", i, "left_out_when", j)
            problems += [
                Problem(
                    w.path, w.line_of(*where, field), f"icon_arrays[{i}].left_out_when[{j}].{field}", message
                )
                for field, message in answer_problems(when, unknown)
            ]
    return problems


def harm_answer_problems(files: ContentFiles) -> list[Problem]:
    """Each outcome harm row's `first_when` or `left_out_when` answer that no one can give, or
    that is "not sure" (reviews R12-1, V7-3): the row would silently never move."""
    if files.outcomes is None:
        return []
    table, w = files.outcomes
    problems = []
    for i, entry in enumerate(table.outcomes):
        for j, harm in enumerate(entry.harms):
            maps = [(("first_when",), harm.first_when, "never puts the row first")]
            maps += [
                (("left_out_when", k), when, "never leaves the row out")
                for k, when in enumerate(harm.left_out_when)
            ]
            for path, when, unknown in maps:
                where = ("outcomes", i, "harms", j, *path)
                name = f"outcomes[{i}].harms[{j}]." + ".".join(str(p) for p in path)
                problems += [
                    Problem(w.path, w.line_of(*where, field), f"{name}.{field}", message)
                    for field, message in answer_problems(when, unknown)
                ]
    return problems
