"""Medians of repeated timings, and the Markdown table they are printed in."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


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
    """One measured figure, its baseline from the same run, and its budget if it has one."""

    measure: str
    seconds: float | None
    baseline: str = ""
    baseline_seconds: float | None = None
    budget_seconds: float | None = None
    note: str = ""


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.1f} ms"


def table(rows: list[Row]) -> str:
    """The rows as one Markdown table: median, baseline, ratio, budget and verdict."""
    lines = [
        "| Measure | Median | Baseline (same run) | Baseline median | Ratio | Budget | Verdict |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for row in rows:
        ratio = (
            f"{row.seconds / row.baseline_seconds:.1f}x"
            if row.seconds is not None and row.baseline_seconds
            else "n/a"
        )
        if row.seconds is None or row.budget_seconds is None:
            verdict = row.note or ("not measured" if row.seconds is None else "no budget")
        else:
            verdict = "within budget" if row.seconds <= row.budget_seconds else "over budget"
        budget = _ms(row.budget_seconds) if row.budget_seconds is not None else "-"
        lines.append(
            f"| {row.measure} | {_ms(row.seconds)} | {row.baseline or '-'} | "
            f"{_ms(row.baseline_seconds) if row.baseline else '-'} | {ratio} | {budget} | {verdict} |"
        )
    return "\n".join(lines)
