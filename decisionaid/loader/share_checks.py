"""Shares of people in patient text: one format, and both sides (IPDAS QI5, QI9 and C1).

The rules hold for what a patient reads (the pieces `cited_numbers.patient_texts`
finds: bodies before `## For clinicians`, statements, notes, score reasons and the
short fields), on the option cards, in the modules and in every other content file,
except the words drawn beside a picture that shows the other side (`PICTURES`).

1. **One format.** A share of people is "x in 100" (a whole number) or "x of N"
   (the trial's own count), never a percentage. A `%` stays only for a factor
   level ("a factor IX level of 35%", "% of normal") and for a relative change
   of bleeds as a whole number beside the absolute numbers ("63% fewer"). A
   percentage counts as a share of people when it sits next to words about
   people: "60% of men", "(62%) took", "28 of 45 men (62%)". A percentage with a
   decimal ("59.5%") is reported unless its sentence, or the one before, is
   about a factor level, so a share hidden in words we did not foresee is still
   caught; a decimal "in 100" is reported too.
2. **Both sides (framing).** A share of people ("x in 100", "x of N" next to
   words about people) also gives the other side in the same or the next
   sentence: a count that makes up the whole ("9 of 10 had no bleeds, so 1 had
   at least one"; "62 in 100 ... 38 in 100") or words for the rest ("the other
   17", "the others", "the rest").

How each piece is read: citations and Markdown emphasis are dropped, then the
text is cut into sentences (and a Markdown unit's line is moved on to the line
the sentence starts on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.domain.references import CITATION
from decisionaid.loader.cited_numbers import PatientText, patient_texts
from decisionaid.loader.problems import Problem

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles

_PEOPLE = (
    r"men|man|people|persons?|patients?|participants?|boys?|girls?|children|child|adults?|"
    r"women|woman|males?|females?|teens?|babies|infants"
)
_VERB = (
    r"had|has|have|got|gets|get|needed|needs|need|took|takes|take|used|uses|use|were|are|"
    r"went|go|goes|could|can|made|make|makes|stopped|stop|did|do|does|developed|develop|"
    r"stayed|kept|reached|returned|died|joined|left|showed|bled|responded|became"
)
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_PEOPLE_AFTER_PERCENT = re.compile(
    # "% of men", "% of the 45 men", "% of them" / "%) took", "% of them had"
    rf"\)?\s*(?:of\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\d+\s+)?(?:[a-z-]+\s+)?(?:{_PEOPLE}|them|those)\b"
    rf"|(?:of\s+them\s+)?(?:{_VERB})\b)",
    re.IGNORECASE,
)
_PEOPLE_BEFORE_PERCENT = re.compile(
    # "28 of 45 men (", "9 of 10 (", "54 men ("
    rf"(?:\b\d+\s+(?:[a-z-]+\s+)?of\s+(?:the\s+)?\d+(?:\s+[a-z-]+){{0,2}}|\b\d+\s+(?:{_PEOPLE}))"
    r"\s*\(\s*(?:about\s+)?$",
    re.IGNORECASE,
)
_FACTOR_LEVEL = re.compile(r"factor|level|antithrombin|FVIII|FIX|IU/dL|of normal|activity", re.IGNORECASE)
_SHARE = re.compile(
    rf"(?<![\w.,])(?P<x>\d+(?:\.\d+)?)(?:\s+(?P<who>{_PEOPLE}))?\s+(?:out\s+)?"
    r"(?:in\s+(?:every\s+)?(?P<per>100|1,?000)\b"
    r"|of\s+(?:the\s+|all\s+|these\s+|those\s+|its\s+|their\s+)?(?P<n>\d+)\b(?![.,]\d))",
    re.IGNORECASE,
)
_SHARE_OF_FIRST = re.compile(
    # "Of 316 men checked for the study, 188 could not join": the whole first, then the count
    rf"\bof\s+(?:the\s+|all\s+)?(?P<n>\d+)\s+(?:[a-z-]+\s+)?(?:{_PEOPLE})\b[^.;]*?,\s+(?P<x>\d+)\b(?!\s*%)",
    re.IGNORECASE,
)
_RESTATED = re.compile(
    # "21 of 54 men (39 in 100)": the bracket says the same share again; one report is enough
    r"\b\d+\s+(?:[a-z-]+\s+)?of\s+(?:the\s+)?\d+(?:\s+[a-z-]+){0,4}\s*\(\s*(?:about\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_AFTER_SHARE = re.compile(
    rf"\)?\s*(?:\([^)]*\)\s*)?(?:(?:[a-z-]+\s+){{0,3}}(?:{_PEOPLE})\b"
    rf"|of\s+(?:them|those)\b|with\b|who\b|(?:{_VERB})\b)",
    re.IGNORECASE,
)
_THINGS_AFTER_SHARE = re.compile(
    # "x in 100" is about people in this aid unless a thing is counted
    r"\s*(?:[a-z-]+\s+)?(?:doses?|bleeds?|injections?|infusions?|shots?|births?|years?|days?|"
    r"visits?|tests?|cells?|procedures?|surger(?:y|ies)|events?)\b",
    re.IGNORECASE,
)
_REST = re.compile(
    rf"\bthe\s+(?:others\b|rest\b|remaining\b|other\s+(?:\d+|{_PEOPLE})\b)|\beveryone\s+else\b"
    r"|\ball\s+(?:the\s+)?others\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]|#{1,6})\s)")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


@dataclass(frozen=True)
class _Sentence:
    line: int
    text: str


def _sentences(piece: PatientText) -> list[_Sentence]:
    """The piece cut into sentences, each with the file line it starts on."""
    markdown = piece.field.endswith("body")
    found, start = [], 0
    for cut in [*_SENTENCE_END.finditer(piece.text), None]:
        end = cut.start() if cut else len(piece.text)
        raw = piece.text[start:end]
        line = piece.line + (piece.text.count("\n", 0, start) if markdown else 0)
        plain = " ".join(_EMPHASIS.sub("", CITATION.sub("", raw)).split())
        if plain:
            found.append(_Sentence(line, plain))
        start = cut.end() if cut else end
    return found


def _percent_problems(sentence: str, before: str) -> Iterator[str]:
    """Messages for each percentage in `sentence` that gives a share of people."""
    for m in _PERCENT.finditer(sentence):
        about_people = _PEOPLE_AFTER_PERCENT.match(sentence, m.end()) or _PEOPLE_BEFORE_PERCENT.search(
            sentence[: m.start()]
        )
        if about_people:
            yield (
                f"gives a share of people as a percentage ('{_around(sentence, m.start(), m.end())}'); "
                "write 'x in 100' (a whole number) or 'x of N' ('%' is only for factor levels and "
                "relative changes of bleeds)"
            )
        elif "." in m.group(1) and not _FACTOR_LEVEL.search(f"{before} {sentence}"):
            yield (
                f"gives a percentage with a decimal ('{m.group(0)}') that is not a factor level; a share of "
                "people is 'x in 100' (a whole number) or 'x of N', a relative change a whole number"
            )


def _around(sentence: str, start: int, end: int) -> str:
    """The words from `start` to `end` with a few either side, to find them in the file."""
    left = re.search(r"(?:\S+\s+){0,4}\S*$", sentence[:start])
    right = re.match(r"\S*(?:\s+\S+){0,4}", sentence[end:])
    return f"{left.group(0) if left else ''}{sentence[start:end]}{right.group(0) if right else ''}"


@dataclass(frozen=True)
class _Share:
    """A share of people found in a sentence: `count` of `whole`, written at [start, end)."""

    count: float
    whole: float
    start: int
    end: int
    per_hundred: bool


def _about_people(sentence: str, m: re.Match[str]) -> bool:
    if m.group("who"):
        return True
    if m.group("per"):  # in this aid "x in 100" counts people, unless a thing follows it
        return not _THINGS_AFTER_SHARE.match(sentence, m.end())
    return bool(_PEOPLE_AFTER_SHARE.match(sentence, m.end()))


def _shares(sentence: str) -> Iterator[_Share]:
    """The shares of people in a sentence, leaving out a bracket that restates the one before."""
    found: dict[tuple[float, float], _Share] = {}
    for m in _SHARE.finditer(sentence):
        if _about_people(sentence, m) and not (m.group("per") and _RESTATED.search(sentence[: m.start()])):
            whole = float((m.group("per") or m.group("n")).replace(",", ""))
            share = _Share(float(m.group("x")), whole, m.start(), m.end(), bool(m.group("per")))
            found.setdefault((share.count, share.whole), share)
    for m in _SHARE_OF_FIRST.finditer(sentence):
        # "of 10 men, 9 of 10 had ...": the same share written both ways is one share
        share = _Share(float(m.group("x")), float(m.group("n")), m.start(), m.end(), False)
        found.setdefault((share.count, share.whole), share)
    yield from found.values()


def _has_other_side(share: _Share, sentence: str, following: str) -> bool:
    """True when the sentence, or the next, gives the rest of the whole (a count or words)."""
    if _REST.search(sentence) or _REST.search(following):
        return True
    own = range(share.start, share.end)
    figures = [f for f in _FIGURE.finditer(sentence) if f.start() not in own]
    figures += list(_FIGURE.finditer(following))
    return any(share.count + float(f.group(0).replace(",", "")) == share.whole for f in figures)


def _share_problems(sentence: str, following: str) -> Iterator[str]:
    """Messages for each share of people in `sentence` given from one side only, or not whole."""
    for share in _shares(sentence):
        shown = _around(sentence, share.start, share.end)
        if share.per_hundred and not share.count.is_integer():
            yield f"gives a share of people with a decimal ('{shown}'); use a whole number in 100"
        elif 0 < share.count < share.whole and not _has_other_side(share, sentence, following):
            # (none of them, or all of them: the other side is plain without a number)
            yield (
                f"gives a share of people from one side only ('{shown}'); give the other side too, in "
                "the same or the next sentence ('... and 1 had at least one', 'the other 17 did not')"
            )


PICTURES = ("icon_arrays", "gauge")
"""figures.yaml fields read beside a picture that draws the other side: an icon array's
groups always add up to 100 (the loader checks it), and the gauge's bar is the men its
left-out lines ("1 of 54 made no factor IX") do not count."""


def share_problems(files: ContentFiles) -> list[Problem]:
    """A problem for each share of people in patient text (option cards, modules, flags,
    knowledge check, attributes and limits, the charts' words) that is a percentage, or
    that is given from one side only."""
    problems = []
    for piece in patient_texts(files):
        if piece.field.startswith(PICTURES):
            continue
        sentences = _sentences(piece)
        for i, sentence in enumerate(sentences):
            before = sentences[i - 1].text if i else ""
            following = sentences[i + 1].text if i + 1 < len(sentences) else ""
            for message in (
                *_percent_problems(sentence.text, before),
                *_share_problems(sentence.text, following),
            ):
                problems.append(Problem(piece.path, sentence.line, piece.field, message))
    return problems
