"""Wording the PDF and the Markdown/HTML summaries share, so that they say the same things.

Each helper turns one part of a `DiscussionSummary` into plain strings; the PDF
(`pdf_more_data.py`) and `markdown_html.py` only lay them out.
"""

from __future__ import annotations

from decisionaid.domain.knowledge import KnowledgeLine
from decisionaid.domain.outcome_view import OptionOutcomeView
from decisionaid.domain.summary import DiscussionSummary

OUTCOME_LABELS = {"outcomes_harms": "Main harms", "outcomes_sources": "Sources", "question": "Question"}
"""English defaults for the outcome table's words a summary made before it may lack."""


def full_stop(text: str) -> str:
    """A choice as a sentence: one full stop, not two ("... again.." read as a typo)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def knowledge_parts(summary: DiscussionSummary, line: KnowledgeLine) -> tuple[str, str, str]:
    """One knowledge question as (the question and his answer, the verdict, the right answer
    after a miss); the verdict is printed in bold between them."""
    lab = summary.labels
    if line.right is None:
        return line.question, line.verdict, ""
    before = f"{line.question} {lab.get('your_answer', '')}: {full_stop(line.answer)}"
    after = f". {lab.get('right_answer', '')}: {full_stop(line.right_answer)}" if line.right is False else ""
    return before, line.verdict, after


def outcome_label(summary: DiscussionSummary, key: str) -> str:
    """A word of the outcome table, as the summary words it (English if it has none)."""
    return summary.labels.get(key) or OUTCOME_LABELS[key]


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
        rows.append((outcome_label(summary, "outcomes_harms"), [f"{h.harm}: {h.value}" for h in view.harms]))
    if view.sources:
        rows.append((outcome_label(summary, "outcomes_sources"), ["; ".join(view.sources)]))
    return rows
