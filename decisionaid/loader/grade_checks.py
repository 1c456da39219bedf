"""The reading-grade check: patient text in every content file at grade 8 or below."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from decisionaid.domain.content import STATEMENT_FIELDS, Figures, Option
from decisionaid.loader.problems import Problem
from decisionaid.loader.readability import reading_grade

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile

MAX_READING_GRADE = 8.0

UI_SENTENCE_WORDS = 12
"""ui.yaml strings of this many words or more are graded; shorter ones are not.

Most ui.yaml strings are labels (a button, a heading, "Not answered yet"), and
Flesch-Kincaid on a handful of words swings on one long word: "Discussion
summary: treatment choices for hemophilia" reads as grade 18. From 12 words a
string is a sentence or two of running text, which the formula measures fairly,
and every note, hint and explanation the interface shows is at least that long."""

_FIELD = re.compile(r"\{[^{}]*\}")


def _grade(path: str, line: int, field: str, text: str) -> list[Problem]:
    grade = reading_grade(text)
    if grade <= MAX_READING_GRADE:
        return []
    return [
        Problem(
            path,
            line,
            field,
            f"patient text reads at grade {grade:.1f}; keep it at {MAX_READING_GRADE:g} or below",
        )
    ]


def _option_patient_text(option: Option) -> str:
    parts = [option.body.patient, option.given, option.how_often, option.availability]
    for name in STATEMENT_FIELDS:
        parts += [f"- {s.text}" for s in getattr(option, name)]
    return "\n\n".join(parts)


def reading_grades(files: ContentFiles) -> list[Problem]:
    """A problem for every piece of patient text that reads above MAX_READING_GRADE."""
    problems = []
    for module, w in files.modules:
        problems += _grade(w.path, module.body.patient_line, "body", module.body.patient)
    if files.about:
        about, w = files.about
        problems += _grade(w.path, about.body.patient_line, "body", about.body.patient)
    for option, w in files.options:
        problems += _grade(
            w.path,
            option.body.patient_line,
            "body, benefits, harms, commitments",
            _option_patient_text(option),
        )
    if files.attributes:
        table, w = files.attributes
        for i, a in enumerate(table.attributes):
            text = "\n\n".join([a.values_question, a.low_pole, a.high_pole, a.grid_question, a.help or ""])
            problems += _grade(w.path, w.line_of("attributes", i), f"attributes[{i}]", text)
    if files.flags:
        table, w = files.flags
        for i, f in enumerate(table.flags):
            problems += _grade(
                w.path, w.line_of("flags", i), f"flags[{i}]", "\n\n".join([f.title + ".", f.text, f.question])
            )
            for j, v in enumerate(f.variants):
                text = "\n\n".join([f.title + ".", v.text or f.text, v.question or f.question])
                line = w.line_of("flags", i, "variants", j)
                problems += _grade(w.path, line, f"flags[{i}].variants[{j}]", text)
    if files.knowledge:
        table, w = files.knowledge
        for i, k in enumerate(table.items):
            text = "\n\n".join([k.question, *[f"- {c}" for c in k.choices], k.explanation])
            problems += _grade(w.path, w.line_of("items", i), f"items[{i}]", text)
    if files.readiness:
        table, w = files.readiness
        text = "\n\n".join(
            [
                *(f"{r.text}\n\n{r.if_no}\n\n{r.if_no_type_unknown or ''}" for r in table.readiness),
                *(r.text for r in table.roles),
            ]
        )
        problems += _grade(w.path, w.line_of("readiness"), "readiness", text)
    if files.figures:
        problems += _figure_grades(*files.figures)
    problems += _ui_grades(files)
    return problems


def _ui_grades(files: ContentFiles) -> list[Problem]:
    """The ui.yaml sentences (UI_SENTENCE_WORDS words or more) that read above the limit.

    Each string is graded on its own, since each is shown on its own. A {field}
    is filled in by the code with a name, a number or a date the check cannot
    know, so a one-syllable word stands in for it.
    """
    if files.ui_file is None:
        return []
    path, document = files.ui_file
    problems = []
    for key, template in files.ui.items():
        text = _FIELD.sub("it", template)
        if len(text.split()) >= UI_SENTENCE_WORDS:
            problems += _grade(path, document.line_of((key,)), key, text)
    return problems


def _sentence(text: str) -> str:
    """A label or phrase as a sentence of its own, so phrases are not read as one long sentence."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _figure_grades(figures: Figures, w: LoadedFile) -> list[Problem]:
    problems = []
    for name in ("factor_goals", "severity"):
        for i, band in enumerate(getattr(figures, name)):
            text = "\n\n".join([_sentence(band.label), band.words])
            problems += _grade(w.path, w.line_of(name, i), f"{name}[{i}]", text)
    durability = figures.durability
    problems += _grade(
        w.path,
        w.line_of("durability", "caption"),
        "durability.caption",
        "\n\n".join([durability.caption, _sentence(durability.peak_share.study)]),
    )
    for i, series in enumerate(durability.series):
        parts = [_sentence(series.label)]
        for point in series.points:
            parts += [_sentence(f"{point.statistic} {point.when}"), _sentence(point.study)]
            parts += [_sentence(t) for t in (point.tag, point.note) if t]
        loc = ("durability", "series", i)
        problems += _grade(w.path, w.line_of(*loc), f"durability.series[{i}]", "\n\n".join(parts))
    for i, array in enumerate(figures.icon_arrays):
        parts = [_sentence(array.title), *(f"- {g.label}" for g in array.groups)]
        parts += [_sentence(array.denominator), _sentence(array.time_frame)]
        parts += [array.note] if array.note else []
        problems += _grade(w.path, w.line_of("icon_arrays", i), f"icon_arrays[{i}]", "\n\n".join(parts))
    for i, row in enumerate(figures.gauge):
        counted = [p for p in (row.no_response, row.not_reported) if p is not None]
        parts = [_sentence(f"{p.label}: {p.count or 1} of {row.people} {row.who} {p.words}") for p in counted]
        if parts:
            problems += _grade(w.path, w.line_of("gauge", i), f"gauge[{i}]", "\n\n".join(parts))
    return problems
