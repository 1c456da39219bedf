"""The rule that a number a patient reads cites a strong source: a label, trial, cohort study,
guideline, HTA or systematic review.

What is patient text, and which citations count for it:

- option statements (benefits, harms, commitments, unknowns, eligibility): their
  `sources` and any `[@id]` in the text; `doses_per_year.note` and
  `factor_level.note`: their `sources`; an attribute score's `reason`: its
  `source`; `given`, `how_often`, `years_in_use`, `availability` (which have no
  sources of their own): the option's front-matter `sources`;
- flags (title, text, question), knowledge items (question, choices,
  explanation), hard limits (statement, reason): their `sources` and `[@id]`s;
- figures: factor bands (label, words) and icon arrays by their `sources`; the
  chart's points (each by its `source`) and the peak share always hold numbers;
  the chart caption counts every source of the chart;
- Markdown bodies of modules and options, before `## For clinicians`: each
  paragraph or list item by the `[@id]` citations in it (a heading joins the
  paragraph after it). about.md is not checked: its numbers are about the aid
  (version, dates, review intervals), not about treatments.

What is a number (see `NUMBER`): a figure (digits, with a range such as
`20-30` or `6 to 12`) followed by a percent sign; `N in 100` / `in 1,000` /
`51 of 54`; a rate (`a year`, `per month`, `each week`); a duration or time
point (`5 years`, `5-year`, `6 months`, `year 3`); a count of doses, shots,
infusions or times; an amount in IU, mg, mL or kg; a count of people (`54 men`);
an age limit (`18 and over`, `under 12`); a sum of money (`$2.9 million`, `£2,600,000`,
`€1.2M`, `USD 26 million`, `3.5 million dollars`): a price is a claim too, and
news alone never carries one.

What is not: a year on its own (`approved in 2022`: the approval year is a
date, not a measured result, and the label states it), list numbering, digits
inside names and ids (`AAV5`, `GENEr8-1`, `R12a`), a bare number with no unit.
Numbers written as words ("five years") are not seen: write digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.domain.content import (
    STATEMENT_FIELDS,
    STRONG_KINDS,
    Figures,
    Licence,
    Option,
    Source,
    Statement,
)
from decisionaid.domain.references import strip_citations
from decisionaid.loader.problems import Problem, RuleProblem
from decisionaid.loader.readability import cited_ids

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile

# A figure standing on its own: not part of a name or id such as AAV5, GENEr8-1 or R12a.
_FIGURE = r"(?<![\w.,\-–/])\d+(?:[.,]\d+)*"
_RANGE = rf"{_FIGURE}(?:\s*(?:-|–|to|or|and)\s*\d+(?:[.,]\d+)*)?"
_PEOPLE = (
    r"men|man|people|persons?|patients?|participants?|boys?|girls?|children|adults?|women|woman|"
    r"males?|centres?|centers?|hospitals?|countries"
)
_TIME = r"years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?"
_UNIT = (
    r"\s*%|\s*per\s?cent\b"  # a share
    r"|\s+(?:out\s+)?(?:in|of)\s+(?:every\s+|the\s+|all\s+|about\s+)?\d+(?:[.,]\d+)*"  # 1 in 100, 51 of 54
    rf"|(?:\s+[a-z-]+){{0,3}}\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|night|hour)\b"  # a rate
    r"|\s*/\s*(?:year|yr|month|week|day)\b"
    rf"|[\s-]+(?:{_TIME})\b"  # a duration
    r"|\s+(?:doses?|shots?|infusions?|injections?|drips?|treatments?|bleeds?|times)\b"  # a count
    r"|\s*(?:IU|mg|mcg|µg|ml|kg|units?|vg)(?:/\w+)?\b"  # an amount
    rf"|\s+(?:[a-z-]+\s+)?(?:{_PEOPLE})\b"  # people
    r"|\s+(?:and|or)\s+(?:over|older|above|under|up)\b"  # an age limit
)
_SCALE = r"(?:\s*(?:million|billion|thousand|mn|bn|[MBk])\b)?"
_MONEY = (
    rf"(?:US|CA|AU|NZ)?[$£€¥]\s?{_RANGE}{_SCALE}"  # $2.9 million, £2,600,000, €1.2M
    rf"|\b(?:USD|GBP|EUR|CAD|AUD|CHF|JPY|DKK)\s?{_RANGE}{_SCALE}"  # USD 26 million
    rf"|{_RANGE}\s*(?:million|billion|thousand)?\s*(?:dollars|pounds|euros|USD|GBP|EUR)\b"
)
NUMBER = re.compile(
    rf"{_MONEY}"
    rf"|{_RANGE}(?:{_UNIT})"
    r"|\bin\s+(?:every\s+)?(?:10|100|1,?000|10,?000|100,?000)\b"
    rf"|\b(?:year|month|week|day)s?\s+{_FIGURE}"
    rf"|\b(?:age[ds]?|under)\s+{_FIGURE}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:19|20)\d\d\b(?!\s*(?:%|in\s|of\s|out\s))")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s")


def numbers_in(text: str) -> list[str]:
    """The numbers in `text` that are claims (a year standing alone is not one)."""
    plain = _LINK_TARGET.sub("]", strip_citations(text))
    return [m.group(0).strip() for m in NUMBER.finditer(plain) if not _YEAR.match(m.group(0))]


def markdown_units(text: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of each paragraph and list item of a Markdown body.

    Citations count within their unit: a list item is its own unit, and a
    heading joins the unit after it (it is read with that paragraph).
    """
    units: list[tuple[int, str]] = []
    current: list[str] = []
    start, has_text = 0, False  # has_text: the unit holds more than headings

    def flush() -> None:
        nonlocal current, has_text
        if current:
            units.append((first_line + start, "\n".join(current)))
        current, has_text = [], False

    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            if has_text:
                flush()
            elif current:
                current.append("")  # a heading waits for its paragraph; keep the lines counted
            continue
        if (_HEADING.match(line) or _LIST_ITEM.match(line)) and has_text:
            flush()
        if not current:
            start = index
        current.append(line)
        has_text = has_text or not _HEADING.match(line)
    flush()
    return units


@dataclass(frozen=True)
class PatientText:
    """A piece of patient text, where it is, and the sources it cites."""

    path: str
    line: int
    field: str
    text: str
    cited: tuple[str, ...]
    numbers_drawn: bool = False
    """True where the app draws numbers from the data (a chart point, an icon array)."""


def _statements(w: LoadedFile, name: str, items: Sequence[Statement | Licence]) -> Iterator[PatientText]:
    for i, st in enumerate(items):
        cited = (*st.sources, *cited_ids(st.text))
        yield PatientText(w.path, w.line_of(name, i, "text"), f"{name}[{i}].text", st.text, cited)


def _body(w: LoadedFile, kind: str) -> Iterator[PatientText]:
    assert w.markdown is not None
    for line, unit in markdown_units(w.markdown.patient, w.markdown.patient_line):
        yield PatientText(w.path, line, f"{kind} body", unit, tuple(cited_ids(unit)))


def _option(option: Option, w: LoadedFile) -> Iterator[PatientText]:
    yield from _body(w, "option")
    for name in STATEMENT_FIELDS:
        yield from _statements(w, name, getattr(option, name))
    for name in ("doses_per_year", "factor_level"):
        value = getattr(option, name)
        if value is not None:
            yield PatientText(
                w.path, w.line_of(name, "note"), f"{name}.note", value.note, tuple(value.sources)
            )
    for attr_id, score in option.attributes.items():
        cited = (score.source, *cited_ids(score.reason))
        loc = ("attributes", attr_id, "reason")
        yield PatientText(w.path, w.line_of(*loc), f"attributes.{attr_id}.reason", score.reason, cited)
        for j, variant in enumerate(score.variants):  # review R5-14: worded for some people
            cited = (variant.source, *cited_ids(variant.reason))
            loc = ("attributes", attr_id, "variants", j, "reason")
            yield PatientText(
                w.path, w.line_of(*loc), f"attributes.{attr_id}.variants[{j}].reason", variant.reason, cited
            )
    for name in ("given", "how_often", "years_in_use", "availability"):
        yield PatientText(w.path, w.line_of(name), name, getattr(option, name), tuple(option.sources))


def _figures(figures: Figures, w: LoadedFile) -> Iterator[PatientText]:
    for name in ("factor_goals", "severity"):
        for i, band in enumerate(getattr(figures, name)):
            text = f"{band.label}. {band.words}"
            yield PatientText(w.path, w.line_of(name, i), f"{name}[{i}]", text, tuple(band.sources))
    durability = figures.durability
    peak = durability.peak_share
    everything = (*peak.sources, *(p.source for s in durability.series for p in s.points))
    yield PatientText(
        w.path, w.line_of("durability", "caption"), "durability.caption", durability.caption, everything
    )
    loc = ("durability", "peak_share")
    yield PatientText(w.path, w.line_of(*loc), "durability.peak_share", peak.study, tuple(peak.sources), True)
    for i, series in enumerate(durability.series):
        for j, p in enumerate(series.points):
            text = " ".join(t for t in (p.when, p.study, p.tag or "", p.note or "") if t)
            loc = ("durability", "series", i, "points", j)
            field = f"durability.series[{i}].points[{j}]"
            yield PatientText(w.path, w.line_of(*loc), field, text, (p.source,), True)
    for i, row in enumerate(figures.gauge):
        for part in ("no_response", "not_reported"):
            counted = getattr(row, part)
            if counted is not None and counted.count is not None:
                text = f"{counted.label}: {counted.count} of {row.people} {row.who} {counted.words}"
                field = f"gauge[{i}].{part}"
                yield PatientText(
                    w.path, w.line_of("gauge", i, part), field, text, tuple(counted.sources), True
                )
    for i, array in enumerate(figures.icon_arrays):
        text = " ".join([array.title, *(g.label for g in array.groups), array.denominator, array.time_frame])
        text += f" {array.note}" if array.note else ""
        yield PatientText(
            w.path, w.line_of("icon_arrays", i), f"icon_arrays[{i}]", text, tuple(array.sources), True
        )


def patient_texts(files: ContentFiles) -> Iterator[PatientText]:
    """Every piece of patient text that can hold a number, with the citations that count for it."""
    for _, w in files.modules:
        yield from _body(w, "module")
    for option, w in files.options:
        yield from _option(option, w)
    if files.flags:
        table, w = files.flags
        for i, f in enumerate(table.flags):
            text = f"{f.title}. {f.text} {f.question}"
            yield PatientText(
                w.path, w.line_of("flags", i, "text"), f"flags[{i}]", text, (*f.sources, *cited_ids(f.text))
            )
            for j, v in enumerate(f.variants):
                # A variant's text rests on its own sources; a question alone on the flag's.
                cites = (*v.sources, *cited_ids(v.text)) if v.text else (*f.sources,)
                yield PatientText(
                    w.path,
                    w.line_of("flags", i, "variants", j),
                    f"flags[{i}].variants[{j}]",
                    " ".join(part for part in (v.text, v.question) if part),
                    cites,
                )
    if files.knowledge:
        table, w = files.knowledge
        for i, k in enumerate(table.items):
            text = " ".join([k.question, *k.choices, k.explanation])
            cited = (*k.sources, *cited_ids(k.explanation))
            yield PatientText(w.path, w.line_of("items", i, "explanation"), f"items[{i}]", text, cited)
    if files.attributes:
        table, w = files.attributes
        for i, h in enumerate(table.hard_limits):
            text = f"{h.statement} {h.reason}"
            yield PatientText(
                w.path, w.line_of("hard_limits", i, "reason"), f"hard_limits[{i}]", text, tuple(h.sources)
            )
    if files.figures:
        yield from _figures(*files.figures)


def _weak_citations(cited: Iterable[str], sources: dict[str, Source]) -> str:
    by_kind: dict[str, list[str]] = {}
    for source_id in dict.fromkeys(cited):
        by_kind.setdefault(sources[source_id].kind, []).append(source_id)
    return ", ".join(f"{kind} ({', '.join(ids)})" for kind, ids in sorted(by_kind.items()))


def _line_of_first_number(unit: str) -> int:
    """How many lines into a Markdown unit its first number is (0 when it spans lines)."""
    return next((i for i, line in enumerate(unit.splitlines()) if numbers_in(line)), 0)


def check_numbers(files: ContentFiles, sources: dict[str, Source]) -> list[RuleProblem]:
    """A problem for each piece of patient text whose numbers cite no source of a strong kind."""
    found = []
    for piece in patient_texts(files):
        if any(s not in sources for s in piece.cited):
            continue  # the citation check reports the unknown id; fix that first
        if any(sources[s].kind in STRONG_KINDS for s in piece.cited):
            continue
        numbers = numbers_in(piece.text)
        if not numbers and not piece.numbers_drawn:
            continue
        shown = ", ".join(f"'{n}'" for n in dict.fromkeys(numbers[:3])) or "the numbers drawn here"
        if piece.cited:
            said = f"{shown} cited only to {_weak_citations(piece.cited, sources)}"
        else:
            said = f"{shown} cites no source"
        message = f"a number ({said}); cite a label, trial, cohort study, guideline, HTA or systematic review"
        line = piece.line + (_line_of_first_number(piece.text) if piece.field.endswith("body") else 0)
        found.append(RuleProblem("number-weak-source", Problem(piece.path, line, piece.field, message)))
    return found
