"""Checks on the outcome table (outcomes.yaml) against the options, sources and pictures.

Always enforced, not behind the source-rule switch: the outcome table exists to put
numbers on one footing, so a row whose number rests on news, on a source nobody read,
or on a certainty word the written rule does not give is refused outright.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from decisionaid.domain.content import STRONG_KINDS, Source
from decisionaid.domain.outcomes import BleedOutcome, HarmOutcome, OptionOutcomes
from decisionaid.loader.grade_checks import MAX_READING_GRADE
from decisionaid.loader.problems import Problem
from decisionaid.loader.readability import reading_grade

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile

FILE = "outcomes.yaml"


def outcome_problems(files: ContentFiles, reading_grades: bool = True) -> list[Problem]:
    """Every problem with the outcome table: coverage, sources, certainty, pictures, grade."""
    if files.outcomes is None:
        return []  # missing or broken: reported when it was read
    table, w = files.outcomes
    problems = _coverage(files, table.outcomes, w)
    sources = {s.id: s for s, _, _ in files.sources}
    arrays = {a.id: a.option for a in files.figures[0].icon_arrays} if files.figures else None
    for i, entry in enumerate(table.outcomes):
        for j, row in enumerate(entry.bleeds):
            loc = ("outcomes", i, "bleeds", j)
            problems += _source_problems(row.sources, sources, w, loc)
            why = (
                f"design {row.design}, {row.people or 'an unknown number of'} people"
                f"{'' if row.same_product else ', another product'}"
            )
            problems += _certainty_problems(row, "row", why, w, loc)
            problems += _same_people_problems(row, table.outcomes, w, loc)
            problems += _change_source_problems(row, sources, w, loc)
        for j, harm in enumerate(entry.harms):
            loc = ("outcomes", i, "harms", j)
            problems += _source_problems(harm.sources, sources, w, loc)
            why = (
                f"{harm.kind.replace('_', ' ')}"
                f"{', a label band' if harm.label_band else ''}"
                f"{', a fair draw' if harm.design == 'randomised' else ''}"
                f"{f', {harm.people} people' if harm.people else ''}"
                f"{'' if harm.same_product else ', another product'}"
                f"{'' if harm.like_readers else ', people unlike most readers'}"
            )
            problems += _certainty_problems(harm, "harm", why, w, loc)
            if harm.icon_array and arrays is not None:
                owner = arrays.get(harm.icon_array)
                if owner is None:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of(*loc, "icon_array"),
                            _name(*loc, "icon_array"),
                            f"no icon array '{harm.icon_array}' in figures.yaml",
                        )
                    )
                elif owner != entry.option:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of(*loc, "icon_array"),
                            _name(*loc, "icon_array"),
                            f"icon array '{harm.icon_array}' belongs to '{owner}', not '{entry.option}'",
                        )
                    )
    if reading_grades:
        problems += _grades(table.outcomes, w)
    return problems


def _change_source_problems(
    row: BleedOutcome, sources: dict[str, Source], w: LoadedFile, loc: tuple[str | int, ...]
) -> list[Problem]:
    """A change in bleeds (`relative_fewer`) is not cited to observational cohorts alone: a
    published cohort may give a rate or a count, but a change it alone reports would stand
    beside trials' changes as if it were as sure (review M7-4)."""
    cited = [sources[s] for s in row.sources if s in sources]
    # Review V10-3: a cohort and a news page was let through; a strong kind must stand beside it.
    if row.relative_fewer is None or not cited or any(s.kind in STRONG_KINDS - {"cohort"} for s in cited):
        return []
    return [
        Problem(
            w.path,
            w.line_of(*loc, "relative_fewer"),
            _name(*loc, "relative_fewer"),
            "a change cited to no source stronger than a cohort study; cite the trial, label or review "
            "that reports it, "
            "or give the rates without the change",
        )
    ]


def _same_people_problems(
    row: BleedOutcome, entries: list[OptionOutcomes], w: LoadedFile, loc: tuple[str | int, ...]
) -> list[Problem]:
    """A row said to count the same people as another option's row must be that row's time
    before: the other row cites one of its sources, gives its rate as `before`, and says the
    same of how many people, their inhibitors and whether children were counted (review
    V10-2: a man with an inhibitor read the pair as about different people)."""
    if row.same_people_as is None:
        return []
    other = next((e for e in entries if e.option == row.same_people_as), None)
    if other is None:
        why = f"no outcome table for '{row.same_people_as}'"
    elif not (
        pairs := [o for o in other.bleeds if o.before == row.after and set(o.sources) & set(row.sources)]
    ):
        why = (
            f"no bleed row of '{row.same_people_as}' cites the same source and gives "
            f"{row.after} as its rate before"
        )
    elif differ := [
        f for f in ("people", "inhibitors", "children") if getattr(pairs[0], f) != getattr(row, f)
    ]:
        why = f"its row of '{row.same_people_as}' says otherwise of {', '.join(differ)}"
    else:
        return []
    return [Problem(w.path, w.line_of(*loc, "same_people_as"), _name(*loc, "same_people_as"), why)]


def _certainty_problems(
    row: BleedOutcome | HarmOutcome, what: str, why: str, w: LoadedFile, loc: tuple[str | int, ...]
) -> list[Problem]:
    """A problem when a row's certainty word is not the one its written rule gives; `why`
    names the facts the rule read, so the author sees which one to correct."""
    if row.certainty.level == row.rule_level:
        return []
    return [
        Problem(
            w.path,
            w.line_of(*loc, "certainty"),
            _name(*loc, "certainty", "level"),
            f"'{row.certainty.level}' is not what the rule in about.md gives "
            f"this {what} ('{row.rule_level}': {why})",
        )
    ]


def _name(*loc: str | int) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _coverage(files: ContentFiles, entries: list[OptionOutcomes], w: LoadedFile) -> list[Problem]:
    """Each option (but "stay as you are", whose card shows the product used now) has exactly
    one entry; each entry names an option."""
    problems = []
    kinds = {o.id: o.kind for o, _ in files.options}
    known = set(kinds) | files.option_files
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        line = w.line_of("outcomes", i, "option")
        if entry.option in seen:
            problems.append(
                Problem(w.path, line, f"outcomes[{i}].option", f"'{entry.option}' has a table already")
            )
        seen.setdefault(entry.option, line)
        if known and entry.option not in known:
            problems.append(Problem(w.path, line, f"outcomes[{i}].option", f"no option '{entry.option}'"))
    for option, where in files.options:
        if option.kind != "current" and option.id not in seen:
            problems.append(
                Problem(
                    w.path,
                    1,
                    "outcomes",
                    f"no outcome table for option '{option.id}' ({where.path}): every option needs one",
                )
            )
    return problems


def _source_problems(
    cited: list[str], sources: dict[str, Source], w: LoadedFile, loc: tuple[str | int, ...]
) -> list[Problem]:
    """Each cited source exists, and at least one is of a kind that can carry a number."""
    if not sources:
        return []  # sources.yaml is missing or broken: reported already
    line, name = w.line_of(*loc, "sources"), _name(*loc, "sources")
    unknown = [s for s in cited if s not in sources]
    if unknown:
        return [
            Problem(w.path, line, name, f"cites unknown source '{s}' (not in sources.yaml)") for s in unknown
        ]
    # Whether each source says how much was read is a source rule (checked for every source).
    problems: list[Problem] = []
    if not any(sources[s].kind in STRONG_KINDS for s in cited):
        kinds = ", ".join(f"{s} ({sources[s].kind})" for s in cited)
        problems.append(
            Problem(
                w.path,
                line,
                name,
                f"a number cited only to {kinds}; cite a label, trial, cohort study, guideline, HTA "
                "or systematic review",
            )
        )
    return problems


def _texts(row: BleedOutcome | HarmOutcome) -> Iterator[str]:
    if isinstance(row, BleedOutcome):
        yield from (row.group or "", row.comparator_words, row.who, row.time_window, row.certainty.why)
    else:
        yield from (row.harm, row.frequency or "", row.who, row.time_frame)
    yield row.note or ""


def _grades(entries: list[OptionOutcomes], w: LoadedFile) -> list[Problem]:
    problems = []
    for i, entry in enumerate(entries):
        rows: list[BleedOutcome | HarmOutcome] = [*entry.bleeds, *entry.harms]
        parts = [t if t.endswith((".", "?", "!")) else f"{t}." for row in rows for t in _texts(row) if t]
        grade = reading_grade("\n\n".join(parts))
        if grade > MAX_READING_GRADE:
            problems.append(
                Problem(
                    w.path,
                    w.line_of("outcomes", i),
                    f"outcomes[{i}]",
                    f"patient text reads at grade {grade:.1f}; keep it at {MAX_READING_GRADE:g} or below",
                )
            )
    return problems
