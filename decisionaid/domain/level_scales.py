"""The two scales of the factor-level charts: stretched (log) and plain (linear).

Both map a level (% of normal) to a place from 0 (left) to 1 (right) and name
their ticks, so a chart is drawn the same way on either.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LogScale:
    """Factor level (% of normal) to a place on the picture, on a log10 scale.

    A log scale gives the low levels that matter most (1%, 3%, 5%) room to be
    told apart, while still reaching the usual 50% to 150%.
    """

    low: float = 0.5
    high: float = 150.0
    ticks: tuple[float, ...] = (1, 5, 15, 40, 100)

    def position(self, value: float) -> float:
        """0 (left) to 1 (right); values outside the scale stop at its ends."""
        if value <= self.low:
            return 0.0
        if value >= self.high:
            return 1.0
        return (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))

    @property
    def linear(self) -> bool:
        """False: a step to the right is a bigger jump the further right it is."""
        return False


@dataclass(frozen=True)
class LinearScale:
    """Factor level (% of normal) to a place on the picture, each step the same size.

    The plain view the IPDAS audit asked for: a log scale makes 5% and 40% look
    closer together than they are, and not everyone reads one."""

    low: float = 0.0
    high: float = 150.0
    ticks: tuple[float, ...] = (0, 25, 50, 75, 100, 125, 150)

    def position(self, value: float) -> float:
        """0 (left) to 1 (right); values outside the scale stop at its ends."""
        return min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))

    @property
    def linear(self) -> bool:
        """True: every step to the right is the same size."""
        return True


Scale = LogScale | LinearScale
