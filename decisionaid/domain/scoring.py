"""How well each option fits what a person said matters: an importance-weighted mean.

fit(option) = sum(w_a * s_oa) / sum(w_a) over the attributes, shown 0-100.
It mirrors the person's own answers back; it is never a recommendation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from decisionaid.domain.content import HardLimit, Option

CLOSE_CALL_POINTS = 5.0
MAX_IMPORTANCE = 4


@dataclass(frozen=True)
class Driver:
    """One attribute's pull on an option's fit: positive pulls it up."""

    attribute_id: str
    pull: float


@dataclass(frozen=True)
class OptionFit:
    """An option's fit (0-100), what drives it, and the hard limits it crosses."""

    option_id: str
    fit: float
    drivers_for: tuple[Driver, ...]
    drivers_against: tuple[Driver, ...]
    limits_crossed: tuple[str, ...]


@dataclass(frozen=True)
class FitResult:
    """The fits, best first, and what a reader needs to know to read them."""

    fits: tuple[OptionFit, ...]
    nothing_matters: bool
    """Every importance was 'not important' (or unanswered): no fit can be computed."""
    all_equal: bool
    """Every attribute mattered the same: the fit is a plain average."""
    close_call: bool
    """The top two are within CLOSE_CALL_POINTS, or one importance step would swap them."""
    near: bool
    """The top two are within CLOSE_CALL_POINTS of each other."""
    swap_attribute: str | None
    """An attribute where one step of importance would swap the top two."""


def _fit(option: Option, weights: Mapping[str, int]) -> float:
    total = sum(weights.values())
    return 100.0 * sum(w * option.attributes[a].score for a, w in weights.items()) / total


def _drivers(option: Option, weights: Mapping[str, int], how_many: int) -> tuple[tuple[Driver, ...], ...]:
    total = sum(weights.values())
    # Pull = how far this attribute moves the fit away from the middle (50).
    pulls = [
        Driver(a, round(100.0 * w * (option.attributes[a].score - 0.5) / total, 1))
        for a, w in weights.items()
        if w > 0
    ]
    ups = sorted((d for d in pulls if d.pull > 0), key=lambda d: -d.pull)[:how_many]
    downs = sorted((d for d in pulls if d.pull < 0), key=lambda d: d.pull)[:how_many]
    return tuple(ups), tuple(downs)


def fit_scores(
    options: Sequence[Option],
    attribute_ids: Sequence[str],
    importance: Mapping[str, int],
    chosen_limits: Sequence[str] = (),
    hard_limits: Sequence[HardLimit] = (),
    how_many_drivers: int = 3,
) -> FitResult:
    """Fit of each option to the importance given to each attribute (unanswered = 0)."""
    weights = {a: int(importance.get(a, 0)) for a in attribute_ids}
    limits = [h for h in hard_limits if h.id in set(chosen_limits)]

    def crossed(option: Option) -> tuple[str, ...]:
        return tuple(h.id for h in limits if option.id in h.crossed_by)

    if sum(weights.values()) == 0:
        fits = tuple(OptionFit(o.id, 0.0, (), (), crossed(o)) for o in options)
        return FitResult(fits, True, all_equal=False, close_call=False, near=False, swap_attribute=None)

    exact = {o.id: _fit(o, weights) for o in options}
    ranked = sorted(options, key=lambda o: (-exact[o.id], o.id))
    fits = []
    for option in ranked:
        ups, downs = _drivers(option, weights, how_many_drivers)
        fits.append(OptionFit(option.id, round(exact[option.id], 1), ups, downs, crossed(option)))
    all_equal = len(set(weights.values())) == 1

    near, swap = False, None
    if len(ranked) >= 2:
        first, second = ranked[0], ranked[1]
        # Compare the unrounded fits, with a hair of tolerance for binary fractions.
        near = exact[first.id] - exact[second.id] <= CLOSE_CALL_POINTS + 1e-9
        swap = _one_step_swap(first, second, weights)
    return FitResult(tuple(fits), False, all_equal, near or swap is not None, near, swap)


def _one_step_swap(first: Option, second: Option, weights: Mapping[str, int]) -> str | None:
    """An attribute where one step up or down would put `second` ahead of `first`."""
    for attribute_id, weight in weights.items():
        for step in (-1, 1):
            changed = weight + step
            if not 0 <= changed <= MAX_IMPORTANCE:
                continue
            trial = {**weights, attribute_id: changed}
            if sum(trial.values()) == 0:
                continue
            if _fit(second, trial) > _fit(first, trial):
                return attribute_id
    return None
