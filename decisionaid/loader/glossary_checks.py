"""Checks on the plain-words glossary (glossary.yaml): one entry per term, plain, sourced.

Always enforced, not behind the source-rule switch: a glossary that explains a word
twice, in hard words, or by a source nobody can find would confuse the very readers it
is for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.domain.content import STRONG_KINDS
from decisionaid.domain.glossary import duplicate_terms
from decisionaid.loader.cited_numbers import numbers_in
from decisionaid.loader.grade_checks import MAX_READING_GRADE
from decisionaid.loader.problems import Problem
from decisionaid.loader.readability import cited_ids, reading_grade

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles


def glossary_problems(files: ContentFiles, reading_grades: bool = True) -> list[Problem]:
    """Every problem with the glossary: a term written twice, an unknown or weak source, hard words."""
    if files.glossary is None:
        return []  # missing or broken: reported when it was read
    glossary, w = files.glossary
    problems = [
        Problem(
            w.path,
            w.line_of("terms", index, "term"),
            f"terms[{index}].term",
            f"'{glossary.terms[index].term}' is explained twice; the first is at line "
            f"{w.line_of('terms', first, 'term')} (keep one entry per term)",
        )
        for index, first in duplicate_terms(glossary.terms)
    ]
    sources = {s.id: s for s, _, _ in files.sources}
    for index, entry in enumerate(glossary.terms):
        cited = [*entry.sources, *cited_ids(entry.definition)]
        if sources:  # an empty list means sources.yaml is missing or broken: reported already
            problems += [
                Problem(
                    w.path,
                    w.line_of("terms", index, "sources"),
                    f"terms[{index}].sources",
                    f"cites unknown source '{source}' (not in sources.yaml)",
                )
                for source in cited
                if source not in sources
            ]
            numbers = numbers_in(entry.definition)
            strong = [s for s in cited if s in sources and sources[s].kind in STRONG_KINDS]
            if numbers and not strong:
                problems.append(
                    Problem(
                        w.path,
                        w.line_of("terms", index, "definition"),
                        f"terms[{index}].definition",
                        f"states a number ({numbers[0]}) but cites no label, trial, guideline, "
                        "HTA or systematic review that gives it",
                    )
                )
        if reading_grades:
            grade = reading_grade(entry.definition)  # the term itself may be the hard word
            if grade > MAX_READING_GRADE:
                problems.append(
                    Problem(
                        w.path,
                        w.line_of("terms", index, "definition"),
                        f"terms[{index}].definition",
                        f"patient text reads at grade {grade:.1f}; keep it at {MAX_READING_GRADE:g} or below",
                    )
                )
    return problems
