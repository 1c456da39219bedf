"""The summary as the data the PDF template (`summary.typ`) lays out: plain JSON, never markup.

Every string here is printed by the template as text: the person's words are
data, so markup in them (Typst's `#`, `$`, `*`, `]`, `@` ...) prints as typed
and never runs. Each string is cleaned once here: control codes and direction
overrides dropped (`fonts.printable`), each stretch of characters no shipped
font can draw replaced by the `unprintable` label, and very long words given
places to break. The sections are printed in the order of `pdf.ORDER`, as in `markdown_html.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from decisionaid.domain.summary import DiscussionSummary, UserText
from decisionaid.export.fonts import mark_unprintable, printable, printable_characters
from decisionaid.export.wording import knowledge_parts

Data = dict[str, Any]

LABELS: dict[str, str] = {
    "limits_crossed": "Crosses your limit",
    "flags": "Ask your care team",
    "none": "None",
    "made": "Made on {date}. Content version {content_version}, app version {app_version}.",
    "page_of": "Page {page} of {pages}",
    "knowledge_misses": "Worth going over again",
    "shortened": "(text shortened, see the saved session)",
    "unprintable": "[characters this PDF cannot show]",
    "uses_now": "What you use now",
    "priority_column": "Your priority",
    "grid_title": "How each option lines up with your priorities",
    "bands_title": "How closely each option fits",
    "apart_title": "Options not scored for you",
    "details_title": "Why each option lines up as it does",
    "top_three": "Your top three",
    "no_top_three": "You have not chosen your top three.",
    "not_important": "Not important to you",
    "not_answered": "Not answered yet",
    "scale_low": "0: lines up least",
    "scale_high": "100: lines up most",
    "bands_key": "Striped bar: the range where the fit may lie. Dark line: the best estimate.",
}
"""Small fixed words with English defaults; `summary.labels[key]` overrides each one.
"made" may use {date}, {content_version} and {app_version}; "page_of" {page} and {pages}."""

_RTL = frozenset({"R", "AL"})
_LONG_WORD = re.compile(r"\S{25,}")
_BREAK_EVERY = 12  # characters between the places a very long word may break
_BREAK = "\u200b"  # zero-width space: a place to break a line that prints nothing


def fixed_words(summary: DiscussionSummary, key: str) -> str:
    """One of the small fixed words (`LABELS`), as the summary's locale words it."""
    return summary.labels.get(key) or LABELS[key]


def made_line(summary: DiscussionSummary) -> str:
    """When the summary was made, and from which content and app versions, in one line."""
    if "made" in summary.labels:  # already filled in by the summary builder
        return summary.labels["made"]
    return LABELS["made"].format(
        date=summary.created.isoformat(),
        content_version=summary.content_version,
        app_version=summary.app_version,
    )


def with_colon(label: str) -> str:
    """A label ending in a colon (a full-width one counts)."""
    return label if label.endswith((":", "：")) else f"{label}:"


class Cleaner:
    """Makes any string safe and printable with the shipped fonts, in the summary's words."""

    def __init__(self, summary: DiscussionSummary) -> None:
        self.mark = fixed_words(summary, "unprintable")

    def __call__(self, text: str) -> str:
        """`text` with control codes dropped, unprintable stretches marked, long words breakable."""
        if len(text) > _CACHED_TEXT:
            return _cleaned(text, self.mark)
        return _cleaned_short(text, self.mark)

    def blocks(self, value: str | UserText) -> list[Data]:
        """The person's words (or a content string) as runs of lines, each run right-to-left
        or not by the first letter with a direction on each of its lines."""
        text = value.text if isinstance(value, UserText) else value
        runs: list[Data] = []
        for line in self(text).split("\n"):
            rtl = _starts_rtl(line)
            if runs and runs[-1]["rtl"] == rtl:
                runs[-1]["text"] += "\n" + line
            else:
                runs.append({"text": line, "rtl": rtl})
        return runs


def _cleaned(text: str, mark: str) -> str:
    text = printable(text)
    if not text.isascii():  # every printable ASCII character is in the body font
        text = mark_unprintable(text, printable_characters(), mark)
    return _LONG_WORD.sub(_breakable, text) if len(text) >= 25 else text


# The content's strings are the same in every PDF: each is cleaned once per process.
_CACHED_TEXT = 2_000
_cleaned_short = lru_cache(maxsize=8_192)(_cleaned)


def _breakable(match: re.Match[str]) -> str:
    """A very long word with a place to break every few characters (never before a mark that
    belongs to the letter ahead of it), so that it wraps instead of running off the page."""
    word, out = match.group(), []
    since = 0
    for char in word:
        if since >= _BREAK_EVERY and not unicodedata.category(char).startswith("M"):
            out.append(_BREAK)
            since = 0
        out.append(char)
        since += 1
    return "".join(out)


def _starts_rtl(text: str) -> bool:
    """Whether the first letter with a direction is right-to-left (Hebrew, Arabic ...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in _RTL:
            return True
    return False


# --- sections, in the order of DiscussionSummary's fields ---------------------


def _title(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return {"kind": "title"}


def _profile(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return {
        "kind": "profile",
        "heading": clean(summary.headings["about_you"]),
        "facts": [[clean(f.label), clean(f.value)] for f in summary.profile],
        "nothing": clean(summary.empty),
    }


def _priorities(summary: DiscussionSummary, clean: Cleaner) -> Data:
    """The top three, then each rating with its importance as pips and in words; apart from
    them, what is not important and what is not answered."""
    top = "; ".join(summary.top_three) if summary.top_three else fixed_words(summary, "no_top_three")
    groups = [
        {"label": clean(with_colon(fixed_words(summary, key))), "names": clean("; ".join(names))}
        for key, names in (("not_important", summary.not_important), ("not_answered", summary.not_answered))
        if names
    ]
    return {
        "kind": "priorities",
        "heading": clean(summary.headings["priorities"]),
        "top": clean(f"{with_colon(fixed_words(summary, 'top_three'))} {top}"),
        "items": [
            {"attribute": clean(p.attribute), "importance": p.importance, "label": clean(p.importance_label)}
            for p in summary.priorities
        ],
        "groups": groups,
        "nothing": clean(summary.empty),
    }


def _limits(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return {
        "kind": "list",
        "heading": clean(summary.headings["limits"]),
        "items": [clean(limit) for limit in summary.hard_limits],
        "nothing": clean(fixed_words(summary, "none")),
    }


def _rows(heading: str, summary: DiscussionSummary, clean: Cleaner, **rest: Any) -> Data:
    return {"kind": "rows", "heading": clean(summary.headings[heading]), "nothing": clean(summary.empty)} | {
        "lines": [],
        "misses": [],
        "misses_label": "",
        "note": None,
        **rest,
    }


def _knowledge(summary: DiscussionSummary, clean: Cleaner) -> Data:
    rows = [[clean(summary.knowledge.label), clean(summary.knowledge.value)]] if summary.knowledge else []
    return _rows(
        "knowledge",
        summary,
        clean,
        rows=rows,
        label_share=0.4,
        lines=[
            dict(zip(("text", "verdict", "after"), map(clean, knowledge_parts(summary, line)), strict=True))
            for line in summary.knowledge_lines
        ]
        if summary.knowledge
        else [],
        misses=[clean(miss) for miss in summary.knowledge_misses] if summary.knowledge else [],
        misses_label=clean(with_colon(fixed_words(summary, "knowledge_misses"))),
    )


def _readiness(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return _rows(
        "readiness",
        summary,
        clean,
        rows=[[clean(r.label), clean(r.value)] for r in summary.readiness],
        label_share=0.78,
        note=clean(summary.readiness_note) if summary.readiness_note else None,
    )


def _answer(heading: str, attribute: str, more: str = "") -> Callable[[DiscussionSummary, Cleaner], Data]:
    """A section holding one answer in a sentence (leaning, role), and the optional
    attribute `more` in a paragraph after it (how the leaning moved)."""

    def section(summary: DiscussionSummary, clean: Cleaner) -> Data:
        answer = getattr(summary, attribute)
        after = getattr(summary, more) if more else None
        return {
            "kind": "answer",
            "heading": clean(summary.headings[heading]),
            "text": clean(answer) if answer.strip() else None,
            "more": [clean(after)] if after else [],
            "nothing": clean(summary.empty),
        }

    return section


def _questions(summary: DiscussionSummary, clean: Cleaner) -> Data:
    """A numbered checklist, with a box to tick for each question in the visit."""
    return {
        "kind": "questions",
        "heading": clean(summary.headings["questions"]),
        "items": [clean.blocks(q.text) for q in summary.questions],
        "nothing": clean(summary.empty),
    }


def _text_box(heading: str, attribute: str, room: float) -> Callable[[DiscussionSummary, Cleaner], Data]:
    """A framed box of the person's or the care team's free text; `room` mm to write in when empty."""

    def section(summary: DiscussionSummary, clean: Cleaner) -> Data:
        text: UserText = getattr(summary, attribute)
        return {
            "kind": "box",
            "heading": clean(summary.headings[heading]),
            "blocks": clean.blocks(text) if text.text.strip() else [],
            "nothing": clean(summary.empty),
            "room": room,
        }

    return section


def _sources(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return {
        "kind": "sources",
        "heading": clean(summary.headings["sources"]),
        "items": [clean(source) for source in summary.sources],
        "nothing": clean(summary.empty),
    }


def _disclaimer(summary: DiscussionSummary, clean: Cleaner) -> Data:
    return {"kind": "disclaimer", "text": clean(summary.disclaimer)}


SECTIONS: dict[str, Callable[[DiscussionSummary, Cleaner], Data]] = {
    "title": _title,
    "profile": _profile,
    "priorities": _priorities,
    "hard_limits": _limits,
    "knowledge": _knowledge,
    "readiness": _readiness,
    "leaning": _answer("leaning", "leaning", "leaning_change"),
    "role": _answer("role", "role"),
    "questions": _questions,
    "notes": _text_box("notes", "notes", 0),
    "clinician_notes": _text_box("clinician_notes", "clinician_notes", 24),
    "sources": _sources,
    "disclaimer": _disclaimer,
}
"""The field that opens each printed section, and what makes its data (`pdf.ORDER` gives the
printed order). The fit section ("fit_available") is made in `pdf_fit_data.py`; the outcome
table, next steps and others in `pdf_more_data.py`."""
