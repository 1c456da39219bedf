"""Checks across content files: ids, citations, balance, dates, interface strings, reading grade."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from decisionaid.domain.content import STATEMENT_FIELDS, Figures, Licence, Option, Statement
from decisionaid.domain.ui_keys import required_ui_keys
from decisionaid.loader import (
    flag_checks,
    glossary_checks,
    grade_checks,
    limit_checks,
    outcome_checks,
    rubric_checks,
    share_checks,
)
from decisionaid.loader.grade_checks import MAX_READING_GRADE
from decisionaid.loader.problems import Problem
from decisionaid.loader.readability import cited_ids

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile

__all__ = ["MAX_READING_GRADE", "cross_check"]  # the grade limit lives with its check

REVIEW_WINDOW = dt.timedelta(days=548)  # 18 months
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
"""Content and review dates outside these are typing mistakes (and year 1 would
overflow the review-window arithmetic)."""


def cross_check(files: ContentFiles, reading_grades: bool = True) -> list[Problem]:
    """Every problem that only shows when the files are read together.

    The reading-grade check is for authors (check-content, the tests); it is the
    slow part, so the app and the summary command may skip it at start-up.
    """
    problems: list[Problem] = []
    problems += _unique_ids(files)
    problems += _citations(files)
    problems += _options(files)
    problems += _references_to_options(files)
    problems += _references_to_modules(files)
    problems += _review_dates(files)
    problems += _ui_strings(files)
    problems += rubric_checks.rubric_problems(files)
    problems += flag_checks.variant_problems(files)
    problems += limit_checks.crossing_problems(files)
    problems += limit_checks.picture_answer_problems(files)
    problems += limit_checks.harm_answer_problems(files)
    problems += outcome_checks.outcome_problems(files, reading_grades)
    problems += glossary_checks.glossary_problems(files, reading_grades)
    problems += share_checks.share_problems(files)  # IPDAS QI5, QI9, C1: shares of people
    if reading_grades:
        problems += grade_checks.reading_grades(files)
    return problems


def _fields_in(template: str) -> set[str] | None:
    """The {fields} a template uses, or None when its braces are broken."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def _field_problem(template: str) -> str | None:
    """What is wrong with a template's fields beyond their names, or None.

    Only plain `{name}` is allowed: a format spec like `{date:>999999999}` would
    pad the text to a gigabyte, and `{date.attr}` or `{date!r}` reach past the value.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return "unbalanced { or }; write {{ or }} for a brace"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if spec or conversion or not name.isidentifier():
            return f"{written}: only a plain {{name}} is allowed in a field (no ':', '!', '.' or '[')"
    return None


def _ui_strings(files: ContentFiles) -> list[Problem]:
    if not files.ui_file:
        return []
    path, document = files.ui_file
    problems: list[Problem] = []
    wrong = {key: found for key, text in files.ui.items() if (found := _field_problem(text))}
    problems += [Problem(path, document.line_of((key,)), key, found) for key, found in wrong.items()]
    for key, allowed in required_ui_keys().items():
        if key not in files.ui:
            problems.append(Problem(path, 0, key, "missing: the app needs this interface string"))
            continue
        used = _fields_in(files.ui[key])
        if key not in wrong and used is not None and used - allowed:
            unknown = ", ".join(sorted(f"{{{f}}}" for f in used - allowed))
            known = ", ".join(sorted(f"{{{f}}}" for f in allowed)) or "none"
            line = document.line_of((key,))
            problems.append(Problem(path, line, key, f"uses {unknown}; this string may use {known}"))
    return problems


def _unique_ids(files: ContentFiles) -> list[Problem]:
    problems = []
    groups: dict[str, list[tuple[str, LoadedFile, int]]] = {
        "module": [(m.id, w, w.line_of("id")) for m, w in files.modules],
        "option": [(o.id, w, w.line_of("id")) for o, w in files.options],
        "source": [(s.id, w, w.line_of("sources", i, "id")) for s, w, i in files.sources],
    }
    if files.attributes:
        table, w = files.attributes
        groups["attribute"] = [
            (a.id, w, w.line_of("attributes", i, "id")) for i, a in enumerate(table.attributes)
        ]
        groups["hard limit"] = [
            (h.id, w, w.line_of("hard_limits", i, "id")) for i, h in enumerate(table.hard_limits)
        ]
    if files.flags:
        table, w = files.flags
        groups["flag"] = [(f.id, w, w.line_of("flags", i, "id")) for i, f in enumerate(table.flags)]
    if files.knowledge:
        table, w = files.knowledge
        groups["knowledge item"] = [(k.id, w, w.line_of("items", i, "id")) for i, k in enumerate(table.items)]
    if files.figures:
        figures, w = files.figures
        groups["factor band"] = [
            (b.id, w, w.line_of(name, i, "id"))
            for name in ("factor_goals", "severity")
            for i, b in enumerate(getattr(figures, name))
        ]
        groups["level series"] = [
            (s.id, w, w.line_of("durability", "series", i, "id"))
            for i, s in enumerate(figures.durability.series)
        ]
        groups["icon array"] = [
            (a.id, w, w.line_of("icon_arrays", i, "id")) for i, a in enumerate(figures.icon_arrays)
        ]
    for kind, entries in groups.items():
        first: dict[str, str] = {}
        for id_, where, line in entries:
            if id_ in first:
                problems.append(
                    Problem(where.path, line, "id", f"{kind} id '{id_}' is also used at {first[id_]}")
                )
            else:
                first[id_] = f"{where.path}:{line}"
    for option, where in files.options:
        stem = PurePath(where.path).stem
        if option.id != stem:
            problems.append(
                Problem(
                    where.path,
                    where.line_of("id"),
                    "id",
                    f"'{option.id}' should match the file name '{stem}'",
                )
            )
    return problems


def _cited(files: ContentFiles) -> Iterable[tuple[LoadedFile, int, str, str]]:
    """(file, line, field, source id) for every citation anywhere in the content."""

    def statements(w: LoadedFile, name: str, items: Sequence[Statement | Licence]):
        for i, st in enumerate(items):
            for s in st.sources:
                yield w, w.line_of(name, i, "sources"), f"{name}[{i}].sources", s
            for s in cited_ids(st.text):
                yield w, w.line_of(name, i, "text"), f"{name}[{i}].text", s

    def markdown(w: LoadedFile, front_sources: list[str]):
        for s in front_sources:
            yield w, w.line_of("sources"), "sources", s
        assert w.markdown is not None
        for s in cited_ids(w.markdown.patient):
            yield w, w.markdown.patient_line, "body", s
        if w.markdown.clinician:
            for s in cited_ids(w.markdown.clinician):
                yield w, w.markdown.clinician_line or 0, "For clinicians", s

    for module, w in files.modules:
        yield from markdown(w, module.sources)
    if files.about:
        yield from markdown(files.about[1], files.about[0].sources)
    for option, w in files.options:
        yield from markdown(w, option.sources)
        for name in STATEMENT_FIELDS:
            yield from statements(w, name, getattr(option, name))
        for attr_id, score in option.attributes.items():
            yield w, w.line_of("attributes", attr_id, "source"), f"attributes.{attr_id}.source", score.source
        for name in ("doses_per_year", "factor_level"):
            value = getattr(option, name)
            for s in value.sources if value else []:
                yield w, w.line_of(name, "sources"), f"{name}.sources", s
    if files.attributes:
        table, w = files.attributes
        for i, limit in enumerate(table.hard_limits):
            for s in limit.sources:
                yield w, w.line_of("hard_limits", i, "sources"), f"hard_limits[{i}].sources", s
            for j, crossing in enumerate(limit.crossed_by_when):
                where = f"hard_limits[{i}].crossed_by_when[{j}].sources"
                for s in crossing.sources:
                    yield w, w.line_of("hard_limits", i, "crossed_by_when", j, "sources"), where, s
    if files.flags:
        table, w = files.flags
        for i, flag in enumerate(table.flags):
            for s in flag.sources:
                yield w, w.line_of("flags", i, "sources"), f"flags[{i}].sources", s
            for s in cited_ids(flag.text):
                yield w, w.line_of("flags", i, "text"), f"flags[{i}].text", s
            for j, variant in enumerate(flag.variants):
                where = ("flags", i, "variants", j)
                for s in variant.sources:
                    yield w, w.line_of(*where, "sources"), f"flags[{i}].variants[{j}].sources", s
                for s in cited_ids(variant.text or ""):
                    yield w, w.line_of(*where, "text"), f"flags[{i}].variants[{j}].text", s
    if files.knowledge:
        table, w = files.knowledge
        for i, item in enumerate(table.items):
            for s in item.sources:
                yield w, w.line_of("items", i, "sources"), f"items[{i}].sources", s
            for s in cited_ids(item.explanation):
                yield w, w.line_of("items", i, "explanation"), f"items[{i}].explanation", s
    if files.readiness:
        table, w = files.readiness
        for s in table.sources:
            yield w, w.line_of("sources"), "sources", s
    if files.figures:
        yield from _cited_in_figures(*files.figures)


def _cited_in_figures(figures: Figures, w: LoadedFile) -> Iterable[tuple[LoadedFile, int, str, str]]:
    for name in ("factor_goals", "severity"):
        for i, band in enumerate(getattr(figures, name)):
            for s in band.sources:
                yield w, w.line_of(name, i, "sources"), f"{name}[{i}].sources", s
    peak = figures.durability.peak_share
    for s in peak.sources:
        yield w, w.line_of("durability", "peak_share", "sources"), "durability.peak_share.sources", s
    for i, series in enumerate(figures.durability.series):
        for j, point in enumerate(series.points):
            loc = ("durability", "series", i, "points", j, "source")
            yield w, w.line_of(*loc), f"durability.series[{i}].points[{j}].source", point.source
    for i, array in enumerate(figures.icon_arrays):
        for s in array.sources:
            yield w, w.line_of("icon_arrays", i, "sources"), f"icon_arrays[{i}].sources", s
    for i, row in enumerate(figures.gauge):
        for part in ("no_response", "not_reported"):
            for s in getattr(row, part).sources if getattr(row, part) else ():
                yield w, w.line_of("gauge", i, part, "sources"), f"gauge[{i}].{part}.sources", s


def _citations(files: ContentFiles) -> list[Problem]:
    known = {s.id for s, _, _ in files.sources}
    if not files.sources:
        return []  # sources.yaml itself is reported missing or broken
    return [
        Problem(w.path, line, field, f"cites unknown source '{source}' (not in sources.yaml)")
        for w, line, field, source in _cited(files)
        if source not in known
    ]


def _options(files: ContentFiles) -> list[Problem]:
    problems = []
    attribute_ids = [a.id for a in files.attributes[0].attributes] if files.attributes else []
    for option, w in files.options:
        for name in ("benefits", "harms"):
            if not getattr(option, name):
                problems.append(
                    Problem(
                        w.path,
                        w.line_of(name) if name in w.document.data else 1,
                        name,
                        f"every option needs at least one item in {name}",
                    )
                )
        if attribute_ids:
            for attr_id in option.linked_ranges:
                if attr_id not in attribute_ids:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of("linked_ranges"),
                            "linked_ranges",
                            f"'{attr_id}' is not an attribute in attributes.yaml",
                        )
                    )
            # "Stay with my current treatment" is never scored (its product's card is),
            # so it needs no scores; any it has are still checked below.
            for attr_id in attribute_ids if option.kind != "current" else ():
                if attr_id not in option.attributes:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of("attributes"),
                            f"attributes.{attr_id}",
                            "no score for this attribute (every option scores every attribute)",
                        )
                    )
            for attr_id in option.attributes:
                if attr_id not in attribute_ids:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of("attributes", attr_id),
                            f"attributes.{attr_id}",
                            "not an attribute in attributes.yaml",
                        )
                    )
    return problems


def _unknown_options(
    w: LoadedFile, option_ids: set[str], key: str, items: Sequence, field: str
) -> list[Problem]:
    """A problem for each id in ``items[i].field`` (a list of option ids) that is no option."""
    return [
        Problem(w.path, w.line_of(key, i, field, j), f"{key}[{i}].{field}", f"no option '{oid}'")
        for i, item in enumerate(items)
        for j, oid in enumerate(getattr(item, field))
        if oid not in option_ids
    ]


def _references_to_options(files: ContentFiles) -> list[Problem]:
    option_ids = {o.id for o, _ in files.options} | files.option_files
    if not option_ids:
        return []
    problems = []
    if files.attributes:
        table, w = files.attributes
        problems += _unknown_options(w, option_ids, "hard_limits", table.hard_limits, "crossed_by")
    if files.flags:
        table, w = files.flags
        problems += _unknown_options(w, option_ids, "flags", table.flags, "options")
    if files.figures:
        figures, w = files.figures
        types = {o.id: o.applies_to for o, _ in files.options}
        for i, series in enumerate(figures.durability.series):
            line = w.line_of("durability", "series", i, "option")
            name = f"durability.series[{i}].option"
            if series.option not in option_ids:
                problems.append(Problem(w.path, line, name, f"no option '{series.option}'"))
            elif types.get(series.option, series.applies_to) not in (series.applies_to, "both"):
                problems.append(
                    Problem(
                        w.path,
                        line,
                        name,
                        f"'{series.option}' is for hemophilia {types[series.option]}, "
                        f"but this series is for hemophilia {series.applies_to}",
                    )
                )
        problems += _gauge_rows(figures, w, [o for o, _ in files.options], option_ids)
        for i, array in enumerate(figures.icon_arrays):
            if array.option not in option_ids:
                problems.append(
                    Problem(
                        w.path,
                        w.line_of("icon_arrays", i, "option"),
                        f"icon_arrays[{i}].option",
                        f"no option '{array.option}'",
                    )
                )
    return problems


def _gauge_rows(figures: Figures, w: LoadedFile, options: list[Option], ids: set[str]) -> list[Problem]:
    """Every gauge row names an option (`ids`: those loaded and the files that failed to),
    and every option with a factor level has a row: the gauge must say of each bar whether
    it is an aim, a trial result or an estimate."""
    listed = {row.option for row in figures.gauge}
    problems = [
        Problem(w.path, w.line_of("gauge", i, "option"), f"gauge[{i}].option", f"no option '{row.option}'")
        for i, row in enumerate(figures.gauge)
        if row.option not in ids
    ]
    problems += [
        Problem(
            w.path,
            w.line_of("gauge"),
            "gauge",
            f"'{o.id}' has a factor level but no gauge row (say if it is an aim, measured or an estimate)",
        )
        for o in options
        if o.factor_level is not None and o.id not in listed
    ]
    return problems


def _references_to_modules(files: ContentFiles) -> list[Problem]:
    if not files.figures or len(files.modules) < len(files.module_files):
        return []  # a module that could not be read is reported already; its id is unknown
    figures, w = files.figures
    problems = []
    module = figures.durability.module
    if module not in {m.id for m, _ in files.modules}:
        problems.append(
            Problem(
                w.path,
                w.line_of("durability", "module"),
                "durability.module",
                f"no module '{module}' (give the id from the module's front matter)",
            )
        )
    arrays = {a.id for a in figures.icon_arrays}
    problems += [
        Problem(
            w.path,
            w.line_of("durability", "icon_arrays", i),
            f"durability.icon_arrays[{i}]",
            f"no icon array '{array}' in figures.yaml",
        )
        for i, array in enumerate(figures.durability.icon_arrays)
        if array not in arrays
    ]
    return problems


def _plausible(day: dt.date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def _review_dates(files: ContentFiles) -> list[Problem]:
    dated: list[tuple[str, dt.date, LoadedFile]] = [("reviewed", m.reviewed, w) for m, w in files.modules]
    dated += [("reviewed", o.reviewed, w) for o, w in files.options]
    if files.about:
        about, w = files.about
        dated += [("content_date", about.content_date, w), ("reviewed", about.reviewed, w)]
    problems = [
        Problem(
            w.path,
            w.line_of(name),
            name,
            f"{day} is not a plausible date for this content; write the real date "
            f"(YYYY-MM-DD, {EARLIEST_DATE.year} to {LATEST_DATE.year})",
        )
        for name, day, w in dated
        if not _plausible(day)
    ]
    if not files.about or not _plausible(files.about[0].content_date):
        return problems
    content_date = files.about[0].content_date
    oldest = content_date - REVIEW_WINDOW
    return problems + [
        Problem(
            w.path,
            w.line_of("reviewed"),
            "reviewed",
            f"{day} is more than 18 months before the content date {content_date}: review it",
        )
        for name, day, w in dated
        if name == "reviewed" and _plausible(day) and day < oldest
    ]
