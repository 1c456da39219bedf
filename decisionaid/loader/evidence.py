"""The source rules applied to a whole content folder: the sources, the summary's list, the numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from decisionaid.loader.cited_numbers import check_numbers
from decisionaid.loader.problems import RuleProblem
from decisionaid.loader.source_rules import check_printed_sources, check_sources

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile


def _score_sources(files: ContentFiles) -> Iterator[tuple[LoadedFile, int, str, str]]:
    """(file, line, field, source id) of each attribute score: the sources the summary prints."""
    for option, w in files.options:
        for attr_id, score in option.attributes.items():
            yield w, w.line_of("attributes", attr_id, "source"), f"attributes.{attr_id}.source", score.source


def evidence_problems(files: ContentFiles) -> list[RuleProblem]:
    """Every broken source rule in the content, each with the id of its rule."""
    if not files.sources:
        return []  # sources.yaml is missing or broken: that is reported already
    sources = {s.id: s for s, _, _ in files.sources}
    found = check_sources(files.sources)
    found += check_printed_sources(_score_sources(files), sources)
    found += check_numbers(files, sources)
    return sorted(found, key=lambda r: r.problem)
