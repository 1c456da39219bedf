"""Small factories for domain test data."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.content import AttributeScore, HardLimit, MarkdownBody, Option, Range, Statement


def option(option_id: str, **scores: float) -> Option:
    """An option with the given attribute scores and placeholder-free minimal text."""
    said = [Statement(text=f"{option_id} statement", sources=["S1"])]
    return Option(
        id=option_id,
        name=option_id.title(),
        generic=option_id,
        kind="factor",
        applies_to="both",
        status="available",
        given="A shot",
        how_often="Weekly",
        doses_per_year=Range(low=52, high=52, note="Weekly"),
        years_in_use="Years",
        availability="Widely",
        attributes={a: AttributeScore(score=s, reason="r", source="S1") for a, s in scores.items()},
        benefits=said,
        harms=said,
        commitments=said,
        unknowns=said,
        eligibility=said,
        sources=["S1"],
        reviewed=dt.date(2026, 11, 1),
        body=MarkdownBody(patient="Text."),
    )


def limit(limit_id: str, *crossed_by: str) -> HardLimit:
    return HardLimit(
        id=limit_id, statement="I could not.", crossed_by=list(crossed_by), reason="r", sources=["S1"]
    )
