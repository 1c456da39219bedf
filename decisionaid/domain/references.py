"""Turns `[@id]` citations in content text into numbered references."""

from __future__ import annotations

import re

from decisionaid.domain.content import Source

CITATION = re.compile(r"\s*\[@([^\]]+)\]")


def number_citations(texts: list[str], sources: dict[str, Source]) -> tuple[list[str], list[Source]]:
    """Replace each `[@R8; @R9]` with `[1, 2]` across `texts`; return them and the sources.

    Numbers follow first use, so the list under a page reads in the order the
    reader meets the references. An unknown id is kept visible as `[?id]`
    rather than dropped (the loader reports it before this can happen).
    """
    order: list[str] = []

    def replace(match: re.Match[str]) -> str:
        labels = []
        for part in match.group(1).split(";"):
            source_id = part.strip().lstrip("@")
            if not source_id:
                continue
            if source_id not in sources:
                labels.append(f"?{source_id}")
                continue
            if source_id not in order:
                order.append(source_id)
            labels.append(str(order.index(source_id) + 1))
        return f" [{', '.join(labels)}]"

    numbered = [CITATION.sub(replace, text) for text in texts]
    return numbered, [sources[s] for s in order]


def citation_line(source: Source) -> str:
    """One reference as a reader sees it in a list: authors, title, venue, year."""
    ids = [f"doi:{source.doi}" if source.doi else "", f"PMID {source.pmid}" if source.pmid else ""]
    where = ". ".join(part for part in ids if part) or (source.url or "")
    # Each part ends in one full stop: "et al." and a title ending in "?" take none more.
    parts = [_stopped(source.authors), _stopped(source.title), f"{source.venue}, {source.year}."]
    return " ".join([*parts, where]).strip()


def _stopped(text: str) -> str:
    return text if text.rstrip().endswith((".", "?", "!")) else f"{text}."


def strip_citations(text: str) -> str:
    """The text without its `[@id]` marks (where the sources are listed elsewhere)."""
    return CITATION.sub("", text)
