"""Reading grade of patient text: Markdown and citations stripped, then Flesch-Kincaid."""

from __future__ import annotations

import html
import re

import markdown
import textstat

from decisionaid.domain.references import CITATION, strip_citations

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|td|th|tr|blockquote)>")


def cited_ids(text: str) -> list[str]:
    """The source ids cited in `text` as `[@R8]` or `[@R8; @R9]`, in order."""
    ids: list[str] = []
    for group in CITATION.findall(text):
        ids.extend(part.strip().lstrip("@") for part in group.split(";") if part.strip())
    return ids


def plain_text(markdown_text: str) -> str:
    """The words a reader sees: no Markdown syntax, no citation marks, no table pipes.

    Each list item, heading and table cell ends a sentence, so a list of short
    items is not read as one endless sentence.
    """
    without_citations = strip_citations(markdown_text)
    rendered = markdown.markdown(without_citations, extensions=["tables"])
    ended = _BLOCK_END.sub(". ", rendered)
    text = html.unescape(_TAG.sub(" ", ended))
    text = re.sub(r"([.!?:;])\s*\.(\s|$)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def reading_grade(markdown_text: str) -> float:
    """Flesch-Kincaid grade of the text as a reader sees it (textstat 0.7.8)."""
    text = plain_text(markdown_text)
    if not text:
        return 0.0
    return float(textstat.flesch_kincaid_grade(text))
