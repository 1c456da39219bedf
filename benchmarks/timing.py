"""Medians of repeated timings, the Markdown table they are printed in, and its JSON form."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


def median_seconds(action: Callable[[], object], runs: int, warm_up: int = 1) -> float:
    """The median wall time of `action` over `runs` calls, after `warm_up` untimed ones."""
    for _ in range(warm_up):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass(frozen=True)
class Row:
    """One measured figure, its baseline from the same run, and its budgets if it has any.

    A time row fills `seconds` (and `max_seconds` when the slowest case matters too);
    a memory row fills `megabytes`. A budget is absolute (`budget_seconds`,
    `budget_megabytes`), a ratio to the baseline (`budget_ratio`), or both: every
    budget given must be met.
    """

    measure: str
    seconds: float | None
    baseline: str = ""
    baseline_seconds: float | None = None
    budget_seconds: float | None = None
    note: str = ""
    budget_ratio: float | None = None
    max_seconds: float | None = None
    megabytes: float | None = None
    budget_megabytes: float | None = None

    @property
    def measured(self) -> bool:
        """Whether the figure itself was measured (a time or a size)."""
        return self.seconds is not None or self.megabytes is not None

    @property
    def ratio(self) -> float | None:
        """The figure over its baseline from the same run, when both were measured."""
        if self.seconds is None or not self.baseline_seconds:
            return None
        return self.seconds / self.baseline_seconds

    @property
    def verdict(self) -> str:
        """ "within budget", "over budget", or why there is no verdict."""
        if not self.measured:
            return self.note or "not measured"
        checks: list[bool] = []
        if self.budget_seconds is not None and self.seconds is not None:
            checks.append(self.seconds <= self.budget_seconds)
        if self.budget_megabytes is not None and self.megabytes is not None:
            checks.append(self.megabytes <= self.budget_megabytes)
        if self.budget_ratio is not None:
            if self.ratio is None:
                return self.note or "baseline not measured"
            checks.append(self.ratio <= self.budget_ratio)
        if not checks:
            return self.note or "no budget"
        return "within budget" if all(checks) else "over budget"

    def as_json(self) -> dict[str, object]:
        """The row with its ratio and verdict, for the results file."""
        return {**asdict(self), "ratio": self.ratio, "verdict": self.verdict}


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.1f} ms"


def _figure(row: Row) -> str:
    if row.megabytes is not None:
        return f"{row.megabytes:,.2f} MB"
    shown = _ms(row.seconds)
    if row.max_seconds is not None:
        shown += f" (max {_ms(row.max_seconds)})"
    return shown


def _budget(row: Row) -> str:
    parts = []
    if row.budget_seconds is not None:
        parts.append(f"<= {_ms(row.budget_seconds)}")
    if row.budget_ratio is not None:
        parts.append(f"<= {row.budget_ratio:g}x")
    if row.budget_megabytes is not None:
        parts.append(f"<= {row.budget_megabytes:g} MB")
    return ", ".join(parts) or "-"


def table(rows: list[Row]) -> str:
    """The rows as one Markdown table: median, baseline, ratio, budget and verdict."""
    lines = [
        "| Measure | Median | Baseline (same run) | Baseline median | Ratio | Budget | Verdict |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "n/a"
        verdict = row.verdict if row.note in ("", row.verdict) else f"{row.verdict}; {row.note}"
        baseline = _ms(row.baseline_seconds) if row.baseline else "-"
        lines.append(
            f"| {row.measure} | {_figure(row)} | {row.baseline or '-'} | {baseline} | {ratio} | "
            f"{_budget(row)} | {verdict} |"
        )
    return "\n".join(lines)
