"""Wording the PDF and the Markdown/HTML summaries share, so that they say the same things.

Each helper turns one part of a `DiscussionSummary` into plain strings; the PDF
(`pdf_more_data.py`) and `markdown_html.py` only lay them out.
"""

from __future__ import annotations

from decisionaid.domain.fit_summary import ApartLine
from decisionaid.domain.knowledge import KnowledgeLine
from decisionaid.domain.outcome_view import OptionOutcomeView
from decisionaid.domain.summary import DiscussionSummary

LABELS: dict[str, str] = {
    "limits_crossed": "Crosses your limit",
    "flags": "Ask your care team",
    "none": "None chosen",
    "set_aside_label": "Set aside",
    "made": "Made on {date}. Content version {content_version}, app version {app_version}.",
    "page_of": "Page {page} of {pages}",
    "knowledge_misses": "Worth going over again",
    "shortened": "(text shortened, see the saved session)",
    "unprintable": "[characters this PDF cannot show]",
    "uses_now": "What you use now",
    "priority_column": "Your priority",
    "grid_title": "How each option lines up with your priorities",
    "grid_key": (
        "Each row is one of your priorities. Each cell says if the option is good, mixed or poor on it,"
        " compared with the options shown here, not on its own."
    ),
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
    "outcomes_harms": "Main harms",
    "outcomes_sources": "Sources",
    "question": "Question",
}
"""Small fixed words with English defaults; `summary.labels[key]` overrides each one.
"made" may use {date}, {content_version} and {app_version}; "page_of" {page} and {pages}.
The outcome table's words are here too, for a summary made before that table."""


def fixed_words(summary: DiscussionSummary, key: str) -> str:
    """One of the small fixed words (`LABELS`), as the summary's locale words it."""
    return summary.labels.get(key) or LABELS[key]


def apart_marks(summary: DiscussionSummary, line: ApartLine) -> list[str]:
    """The lines under an option not scored: each of his limits it crosses, then its care-team
    notes. Only an option that waits for his type has any (review R9-1)."""
    marks = [f"{fixed_words(summary, 'limits_crossed')}: {limit}" for limit in line.limits_crossed]
    if line.flags:
        marks.append(f"{fixed_words(summary, 'flags')}: {', '.join(line.flags)}")
    return marks


def full_stop(text: str) -> str:
    """A choice as a sentence: one full stop, not two ("... again.." read as a typo)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def knowledge_parts(summary: DiscussionSummary, line: KnowledgeLine) -> tuple[str, str, str]:
    """One knowledge question as (the question and his answer, the verdict, the right answer
    after a miss); the verdict is printed in bold between them."""
    lab = summary.labels
    if line.right is None:
        if line.answer_changed:  # review V8-8: the words he chose, then "asked again"
            return f"{line.question} {lab.get('your_answer', '')}: {full_stop(line.answer)}", line.verdict, ""
        return line.question, line.verdict, ""
    before = f"{line.question} {lab.get('your_answer', '')}: {full_stop(line.answer)}"
    after = f". {lab.get('right_answer', '')}: {full_stop(line.right_answer)}" if line.right is False else ""
    return before, line.verdict, after


def outcome_rows(summary: DiscussionSummary, view: OptionOutcomeView) -> list[tuple[str, list[str]]]:
    """An option's outcome table as (question, its answer's lines): each bleed line in the
    order of the Compare table, then the main harms and the sources."""
    rows: list[tuple[str, list[str]]] = []
    if view.bleeds:
        for index, line in enumerate(view.bleeds[0].lines):
            values = [
                f"{bleed.title}: {bleed.lines[index].value}"
                if len(view.bleeds) > 1
                else bleed.lines[index].value
                for bleed in view.bleeds
                if index < len(bleed.lines)
            ]
            rows.append((line.label, values))
    if view.harms:
        rows.append((fixed_words(summary, "outcomes_harms"), [f"{h.harm}: {h.value}" for h in view.harms]))
    if view.sources:
        rows.append((fixed_words(summary, "outcomes_sources"), ["; ".join(view.sources)]))
    return rows
