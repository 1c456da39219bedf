"""The plain-words glossary: each hard word the aid uses, explained once, with its sources.

The models behind content/<locale>/glossary.yaml. The loader checks that no term is
written twice, that every definition reads at grade 8 or below, and that every source
a definition cites is in sources.yaml. This module holds no wording a patient reads.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# The same shapes as in content.py; repeated here so that content.py can import this
# module without a cycle.
_SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GlossaryTerm(_Strict):
    """One word or name and what it means, in plain words."""

    term: _Text
    """The word as the aid writes it, e.g. "Prophylaxis" or "HOPE-B"."""
    also: list[_Text] = Field(default_factory=list)
    """Other names for the same thing, shown after the term ("regular prevention")."""
    definition: _Text
    """What it means, in a sentence or three at grade 8 or below."""
    sources: list[_SourceId] = Field(default_factory=list)
    """Where a definition states a fact (a trial's size, what a label says): its sources."""


class Glossary(_Strict):
    """The whole glossary file: a list of terms."""

    terms: list[GlossaryTerm] = Field(min_length=1)


def term_key(term: str) -> str:
    """The form two terms are compared and sorted in: case and spacing ignored."""
    return " ".join(term.casefold().split())


def alphabetical(terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
    """The terms in the order a reader looks them up: A to Z, case ignored."""
    return sorted(terms, key=lambda t: term_key(t.term))


def duplicate_terms(terms: list[GlossaryTerm]) -> list[tuple[int, int]]:
    """(index, index of its first use) for every term written again, case and spacing ignored."""
    first: dict[str, int] = {}
    found = []
    for index, entry in enumerate(terms):
        key = term_key(entry.term)
        if key in first:
            found.append((index, first[key]))
        else:
            first[key] = index
    return found
