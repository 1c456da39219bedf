"""Which fit intervals overlap: the close-call notice and each option's "cannot be told
apart" list (issue 13 section 5; model review M-1); and which options another matches or
beats on every feature (they can never come first alone). Split from fit.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Triple = tuple[float, float, float]
"""(low, central, high)."""
_EPS = 1e-9
"""Scores are binary fractions: differences below this are ties (as in fit.py)."""


def close_call(intervals: Sequence[Triple]) -> bool:
    """Whether the intervals of all the options overlap: one point lies in every one.

    The issue asks for "overlapping intervals among all options, not just the top two".
    Read as "the top option's interval overlaps any other", the notice was on for 77-86%
    of random profiles on the shipped content (a notice that is nearly always on says
    nothing, IPDAS audit 2.3); with seven options, two of them are nearly always close.
    Partial overlaps stay visible on every band; this notice says the answers do not
    set any option apart at all."""
    if len(intervals) < 2:
        return False
    return max(i[0] for i in intervals) <= min(i[2] for i in intervals) + _EPS


def overlapping(intervals: Mapping[str, Triple]) -> dict[str, tuple[str, ...]]:
    """Option id -> the other options whose interval shares a point with its own, in the
    order given. Every overlap is named, not only the top option's (model review M-1):
    with the close-call notice on only when all overlap, this is what says which options
    the answers cannot tell apart."""
    return {
        one: tuple(
            other
            for other, (o_low, _, o_high) in intervals.items()
            if other != one and low <= o_high + _EPS and o_low <= high + _EPS
        )
        for one, (low, _, high) in intervals.items()
    }


def dominated(scores: Mapping[str, Mapping[str, float]]) -> dict[str, list[str]]:
    """Option id -> the other options as good on every feature (central scores), for the
    options that have any. Such an option never has the highest fit alone, whatever the
    person values: the other one is at least as high on every weighting."""

    def as_good(x: str, o: str) -> bool:
        return all(scores[x][a] >= scores[o][a] - _EPS for a in scores[o])

    found = {o: [x for x in scores if x != o and as_good(x, o)] for o in scores}
    return {k: v for k, v in found.items() if v}
