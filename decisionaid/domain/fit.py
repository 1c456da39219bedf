"""How each option lines up with what a person said matters: the fit model of issue 13.

It mirrors the person's answers back; it never recommends, and it never orders the
options by fit. The method follows ISPOR's MCDA good practice (Thokala 2016,
Marsh 2016) and is stated for patients in content/en/about.md:

1. Only real choices get a fit (`eligibility.standing`): the current treatment is
   its own product's card, and withdrawn or ruled-out options are shown apart.
2. Swing rescaling: on each attribute the options shown are rescaled so that the
   lowest central score is 0 and the highest 1. An importance rating then means
   the same on every attribute ("how much the gap between the options here
   matters"), whatever the spread of the raw scores. An attribute on which every
   option shown scores the same is `flat` and carries no weight.
3. Weights: the importance rating 0-4 (unanswered weighs 0, but is reported apart
   from "not important"), plus TOP_EXTRA for each of the top three chosen in the
   trade-off step.
4. Fit = 100 x sum(weight x rescaled score) / sum(weight), with an interval from
   the scores' low and high ends rescaled on the same scale, combined as
   independent errors (root sum of squares; see `fit_interval`), except an option's
   `linked_ranges`, which share one cause and add up before they join the rest.
5. Close call: the intervals of all the options scored overlap (one point lies in
   every interval), so the person's answers set no option apart from the others.
   Short of that, each option names the others its interval overlaps (`overlaps`).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import hypot
from operator import mul
from typing import Literal

from decisionaid.domain.content import Content, Option, in_shown_order
from decisionaid.domain.eligibility import Apart, Standing, crosses, standing
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.fit_overlaps import close_call, dominated, overlapping
from decisionaid.domain.fit_ranges import Rubrics, rubrics, score_ends
from decisionaid.domain.session import TOP_PRIORITIES, Session

__all__ = [
    "MATTER_AT_LEAST",
    "Alignment",
    "Apart",
    "Band",
    "Cell",
    "Contrast",
    "FitResult",
    "OptionFit",
    "Standing",
    "attribute_order",
    "fit",
    "standing",
]

Alignment = Literal["good", "mixed", "poor"]
Band = Literal["closer", "middle", "further"]
Triple = tuple[float, float, float]
"""(low, central, high)."""
Columns = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], tuple[bool, ...]]
"""One option's rescaled scores on the weighed attributes: how far each low end lies
below the score, the scores, how far each high end lies above it, and whether that
attribute's range is one of the option's `linked_ranges` (one cause moves them together)."""

TOP_EXTRA = 2
"""Extra weight for each of the top three. Two steps is half the rating scale: a top
priority rated "very important" (3 + 2) outweighs any other attribute, even one rated
"extremely important" (4), so the trade-off the person made is not undone by ratings."""
PRIORITY_FROM = 3
"""Ratings from "very important" up make an attribute one of the person's priorities."""
GOOD_FROM = 2 / 3
POOR_UP_TO = 1 / 3
"""Alignment: good when even the low end of the rescaled score is in the top third;
poor when even the high end is in the bottom third; otherwise mixed."""
CLOSER_FROM = 100 * GOOD_FROM
FURTHER_UP_TO = 100 * POOR_UP_TO
"""Band words for a fit, read on its interval with the same thirds as the alignment:
"closer" when even its low end is in the top third, "further" when even its high
end is in the bottom third, otherwise "middle". An uncertain fit stays "middle"."""
_EPS = 1e-9
"""Scores are binary fractions: differences below this are ties."""
MATTER_AT_LEAST = 2
"""How many features on which the options shown differ must carry weight (rated above
"not important", or in the top three) before a fit is shown. With one, every option's
fit is only its place on that one feature: the fit restates the rating, with no
weighing of one feature against another (model review M2-13)."""


@dataclass(frozen=True)
class Cell:
    """One option on one of the person's priorities."""

    attribute_id: str
    alignment: Alignment
    score: float
    """Rescaled 0..1 across the options shown (0.5 on a flat attribute)."""
    low: float
    high: float
    reason: str
    """The option's reason text for this attribute."""


@dataclass(frozen=True)
class Contrast:
    """Where one option does better and worse than another, on what the person weighed."""

    other_id: str
    better_on: tuple[str, ...]
    """Attribute ids, the person's priorities first (in their order), then by weight."""
    worse_on: tuple[str, ...]
    unclear_on: tuple[str, ...] = ()
    """Weighed attributes where the best estimates differ but the ranges overlap: the
    evidence cannot say which is ahead, and the reader is told so (model review M3-4)."""


@dataclass(frozen=True)
class OptionFit:
    """One scored option: its fit with interval, its cells, limits and contrasts."""

    option_id: str
    uses_now: bool
    """The person's current treatment ("what you use now")."""
    fit: float
    """0-100, central estimate; 0 when not `enough`. Never to be shown to one decimal."""
    low: float
    high: float
    band: Band
    cells: tuple[Cell, ...]
    """One per priority, in FitResult.priorities order."""
    limits_crossed: tuple[str, ...]
    """Hard limits the person chose that this option crosses, in content order."""
    overlaps: tuple[str, ...]
    """The other options whose fit interval overlaps this one's, in the fixed order: the
    answers cannot tell this option apart from them. Symmetric, so it names no winner;
    empty when not `enough`."""
    contrasts: tuple[Contrast, ...]
    """Against the current treatment when one is scored (none on the current one itself),
    otherwise against each other option in the fixed order; none when not `enough`."""


@dataclass(frozen=True)
class FitResult:
    """The fits in the fixed order, the options apart, and what a reader needs to read them."""

    fits: tuple[OptionFit, ...]
    """In the one shown order (content.in_shown_order: what he uses now, then A to Z),
    never by fit."""
    apart: tuple[Apart, ...]
    priorities: tuple[str, ...]
    enough: bool
    answered: int
    """How many of the attributes on which the options shown differ are rated."""
    needed: int
    """How many of those must be rated: half of them (`needed`)."""
    matter: int
    """How many of those carry weight: at least MATTER_AT_LEAST for a fit."""
    not_answered: tuple[str, ...]
    not_important: tuple[str, ...]
    flat: tuple[str, ...]
    close_call: bool
    open_options: int = 0
    """How many scored options no other matches or beats on every feature: only these can
    come first alone; with two or fewer, one may lead whatever he values (review M4-1)."""


@dataclass(frozen=True)
class Swing:
    """Every option's scores rescaled 0..1 per attribute across the options shown."""

    weighed: tuple[str, ...]
    """The attributes on which the options differ (they carry weight), in content order."""
    flat: tuple[str, ...]
    rescaled: Mapping[str, Mapping[str, Triple]]
    """Option id -> attribute id -> (low, central, high)."""
    columns: Mapping[str, Columns]
    """Option id -> its rescaled scores on `weighed`, as columns for `fit_interval`."""


def needed(attribute_count: int) -> int:
    """How many attributes must be rated before a fit is shown: at least half of them.

    With fewer, a fit would sum up a few ratings and silently drop the rest, and a
    fit from one rating only restates that rating (IPDAS audit 2.3 point 9)."""
    return (attribute_count + 1) // 2


def swing(options: Sequence[Option], attribute_ids: Sequence[str], rubric: Rubrics | None = None) -> Swing:
    """Rescale each attribute across `options`: (s - min) / (max - min) on central scores.

    The low and high ends use the same min and max and are kept within 0..1: the
    scale runs from the worst to the best option shown, and a range reaching past
    it is read as reaching its end. A score read from evidence is first widened to its
    least range (`fit_ranges.score_ends`, from `rubric`: attribute id -> rubric); a
    fact its rubric marks firm is kept as given (model reviews M-6, M2-1)."""
    weighed: list[str] = []
    flat: list[str] = []
    rescaled: dict[str, dict[str, Triple]] = {o.id: {} for o in options}
    for attribute_id in attribute_ids:
        central = [o.attributes[attribute_id].score for o in options]
        least, most = (min(central), max(central)) if central else (0.0, 0.0)
        span = most - least
        if span <= _EPS:
            flat.append(attribute_id)
            for o in options:
                rescaled[o.id][attribute_id] = (0.5, 0.5, 0.5)
            continue
        weighed.append(attribute_id)
        for o in options:
            ends = score_ends(o.attributes[attribute_id], (rubric or {}).get(attribute_id))
            low, central_score, high = (min(1.0, max(0.0, (v - least) / span)) for v in ends)
            rescaled[o.id][attribute_id] = (low, central_score, high)
    linked = {o.id: set(o.linked_ranges) for o in options}
    columns = {
        option_id: (
            tuple(by_attribute[a][1] - by_attribute[a][0] for a in weighed),
            tuple(by_attribute[a][1] for a in weighed),
            tuple(by_attribute[a][2] - by_attribute[a][1] for a in weighed),
            tuple(a in linked[option_id] for a in weighed),
        )
        for option_id, by_attribute in rescaled.items()
    }
    return Swing(tuple(weighed), tuple(flat), rescaled, columns)


def chosen_top(attribute_ids: Sequence[str], top_priorities: Sequence[str]) -> list[str]:
    """The person's top three that are attributes of this content, in the order chosen."""
    known = set(attribute_ids)
    return list(dict.fromkeys(a for a in top_priorities if a in known))[:TOP_PRIORITIES]


def weights(
    attribute_ids: Sequence[str], importance: Mapping[str, int], top_priorities: Sequence[str]
) -> dict[str, int]:
    """Attribute id -> weight: the rating (unanswered 0), plus TOP_EXTRA for a top three."""
    top = set(chosen_top(attribute_ids, top_priorities))
    return {a: importance.get(a, 0) + (TOP_EXTRA if a in top else 0) for a in attribute_ids}


def priorities(attribute_ids: Sequence[str], session: Session) -> tuple[str, ...]:
    """The top three, then the others rated "very" or "extremely", most important first
    (content order among equals)."""
    top = chosen_top(attribute_ids, session.top_priorities)
    rated = [a for a in attribute_ids if a not in top and session.importance.get(a, 0) >= PRIORITY_FROM]
    rated.sort(key=lambda a: -session.importance[a])  # stable: ties keep content order
    return (*top, *rated)


def fit_interval(columns: Columns, weight: Sequence[float]) -> Triple:
    """(low, central, high) fit 0-100 of one option, from its `Swing.columns` and the
    weights of `Swing.weighed` in the same order; all 0 when no weight is left.

    The ranges of the scores are combined as independent errors are (root sum of
    squares): a score's range moves the fit by all of its weighted width only when it
    is the one uncertain score; several uncertain scores are unlikely all to sit at
    the same end at once. Putting every score at its low end together (a worst case)
    would make nearly every fit overlap every other, so the interval would say nothing
    (the reviews measured +/-3 points from +/-0.1 noise on the scores)."""
    total = sum(weight)
    if total <= 0:
        return (0.0, 0.0, 0.0)
    downs, centrals, ups, linked = columns
    scale = 100 / total
    central = scale * sum(map(mul, weight, centrals))
    down = scale * _combined(map(mul, weight, downs), linked)
    up = scale * _combined(map(mul, weight, ups), linked)
    return (central - down, central, central + up)


def _combined(widths: Iterable[float], linked: Sequence[bool]) -> float:
    """Weighted range widths combined: the linked ones add up (one cause, such as a gene
    therapy that does not take or fades, moves them together: model review M-6), and
    that sum joins the independent ones as one more independent error."""
    # Most options: every range independent (the fit audits call this millions of times).
    if True not in linked:
        return hypot(*widths)
    together, apart = 0.0, []
    for width, is_linked in zip(widths, linked, strict=True):
        if is_linked:
            together += width
        else:
            apart.append(width)
    return hypot(together, *apart)


def band(low: float, high: float) -> Band:
    """Words for a fit interval (0-100): see CLOSER_FROM."""
    if low >= CLOSER_FROM - _EPS:
        return "closer"
    if high <= FURTHER_UP_TO + _EPS:
        return "further"
    return "middle"


def alignment(low: float, high: float) -> Alignment:
    """Good when even the low end is in the top third, poor when even the high end is in
    the bottom third, otherwise mixed."""
    if low >= GOOD_FROM - _EPS:
        return "good"
    if high <= POOR_UP_TO + _EPS:
        return "poor"
    return "mixed"


def _apart(one: Triple, other: Triple) -> bool:
    """Whether two rescaled (low, central, high) ranges share no stretch (touching ends
    do not count as sharing one), so the evidence sets one above the other."""
    return one[0] >= other[2] - _EPS or other[0] >= one[2] - _EPS


def _contrast(one: str, other: str, grid: Swing, weight: Mapping[str, int], prios: Sequence[str]) -> Contrast:
    """Where `one` does better and worse than `other`, on the attributes the person weighed
    and on which their ranges do not overlap: where they do, the evidence does not say
    which is ahead, so no direction is stated (model review M2-4: the PDF said Alhemo
    protects better from bleeds than long-acting factor IX, whose range holds Alhemo's);
    such an attribute, where the best estimates still differ, is listed as unclear (M3-4)."""
    central = {
        a: grid.rescaled[one][a][1] - grid.rescaled[other][a][1]
        for a in grid.weighed
        if weight[a] > 0 and abs(grid.rescaled[one][a][1] - grid.rescaled[other][a][1]) > _EPS
    }
    differences = {a: d for a, d in central.items() if _apart(grid.rescaled[one][a], grid.rescaled[other][a])}
    order = {a: i for i, a in enumerate(grid.weighed)}

    def key(a: str) -> tuple[int, float, int]:
        if a in prios:
            return (0, prios.index(a), order[a])
        return (1, -weight[a] * abs(central[a]), order[a])

    better = sorted((a for a, d in differences.items() if d > 0), key=key)
    worse = sorted((a for a, d in differences.items() if d < 0), key=key)
    unclear = sorted((a for a in central if a not in differences), key=key)
    return Contrast(other, tuple(better), tuple(worse), tuple(unclear))


def fit(content: Content, session: Session) -> FitResult:
    """How each option open to this person lines up with what he said matters."""
    scored, apart, now = fit_options(content, session.profile)
    # The fixed order is the Options page's (what he uses now, then A to Z), never the fit's.
    uses_now = session.profile.current_treatment
    scored = in_shown_order(scored, uses_now)
    position = {o.id: i for i, o in enumerate(in_shown_order(content.options, uses_now))}
    apart.sort(key=lambda a: position[a.option_id])
    attribute_ids = [a.id for a in content.attributes]
    grid = swing(scored, attribute_ids, rubrics(content))
    weight = weights(attribute_ids, session.importance, session.top_priorities)
    prios = priorities(attribute_ids, session)
    # Only ratings of features on which the options shown differ count toward "enough":
    # a rating of a flat one moves no fit, and a fit from one weighed feature only
    # restates it (model review M2-13).
    answered = sum(1 for a in grid.weighed if a in session.importance)
    need = needed(len(grid.weighed))
    matter = sum(1 for a in grid.weighed if weight[a] > 0)
    enough = answered >= need and matter >= MATTER_AT_LEAST
    chosen_limits = [h for h in content.hard_limits if h.id in session.hard_limits]

    weighed_weight = [weight[a] for a in grid.weighed]
    intervals = {
        o.id: fit_interval(grid.columns[o.id], weighed_weight) if enough else (0.0, 0.0, 0.0) for o in scored
    }
    overlaps = overlapping(intervals) if enough else {}
    fits = []
    for option in scored:
        low, central, high = intervals[option.id]
        cells = []
        for a in prios:
            r_low, r_central, r_high = grid.rescaled[option.id][a]
            cells.append(
                Cell(a, alignment(r_low, r_high), r_central, r_low, r_high, option.attributes[a].reason)
            )
        if not enough or (now is not None and option.id == now.id):
            contrasts: tuple[Contrast, ...] = ()
        elif now is not None:
            contrasts = (_contrast(option.id, now.id, grid, weight, prios),)
        else:
            contrasts = tuple(
                _contrast(option.id, other.id, grid, weight, prios) for other in scored if other is not option
            )
        fits.append(
            OptionFit(
                option_id=option.id,
                uses_now=now is not None and option.id == now.id,
                fit=central,
                low=low,
                high=high,
                band=band(low, high) if enough else "middle",
                cells=tuple(cells),
                limits_crossed=tuple(h.id for h in chosen_limits if crosses(h, option.id, session.profile)),
                overlaps=overlaps.get(option.id, ()),
                contrasts=contrasts,
            )
        )
    return FitResult(
        fits=tuple(fits),
        apart=tuple(apart),
        priorities=prios,
        enough=enough,
        answered=answered,
        needed=need,
        matter=matter,
        not_answered=tuple(a for a in attribute_ids if a not in session.importance),
        not_important=tuple(a for a in attribute_ids if session.importance.get(a) == 0),
        flat=grid.flat,
        close_call=enough and close_call(list(intervals.values())),
        open_options=len(scored) - len(dominated({o.id: _centrals(o, attribute_ids) for o in scored})),
    )


def _centrals(option: Option, attribute_ids: Sequence[str]) -> dict[str, float]:
    return {a: option.attributes[a].score for a in attribute_ids if a in option.attributes}


def attribute_order(content: Content, session: Session) -> list[str]:
    """The order the values step asks the attributes in: the content order shuffled by a
    seed fixed for this session (from when it was created), so the first questions are
    not always the same option family's strengths, and do not move on a revisit.

    A shuffle, not a rotation: rotating kept the content order's neighbours together,
    so in 4 of 9 rotations the first questions were all gene therapy's strengths
    (model review M2-9)."""
    return _shuffled([a.id for a in content.attributes], session, "")


def limit_order(content: Content, session: Session) -> list[str]:
    """The order the values step lists the hard limits in: shuffled per session like the
    features, so the first ones are not always those only gene therapy crosses (review
    M4-12: the first five were)."""
    return _shuffled([h.id for h in content.hard_limits], session, "limits")


def _shuffled(ids: list[str], session: Session, salt: str) -> list[str]:
    # sha256, not hash(): Python salts str hashes per process, and the order must not change.
    digest = hashlib.sha256((session.created.isoformat() + salt).encode()).digest()
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(ids)
    return ids
