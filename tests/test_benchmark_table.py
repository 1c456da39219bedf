"""The benchmark table's verdicts: ratio budgets, absolute budgets, memory rows."""

from __future__ import annotations

from benchmarks.timing import Row, table


def test_a_ratio_budget_is_met_only_when_the_figure_over_its_baseline_is_within_it():
    within = Row("click", 0.045, baseline="counter", baseline_seconds=0.031, budget_ratio=1.5)
    over = Row("click", 0.575, baseline="counter", baseline_seconds=0.031, budget_ratio=1.5)

    assert within.verdict == "within budget"
    assert over.verdict == "over budget"
    assert round(over.ratio, 1) == 18.5


def test_a_row_with_a_ratio_budget_but_no_baseline_gets_no_verdict():
    assert Row("click", 0.5, baseline="counter", budget_ratio=1.5).verdict == "baseline not measured"


def test_a_memory_row_is_judged_in_megabytes_and_printed_with_its_unit():
    row = Row("memory per session", None, megabytes=2.5, budget_megabytes=2.0)

    assert row.measured
    assert row.verdict == "over budget"
    assert "2.50 MB" in table([row])
    assert "<= 2 MB" in table([row])


def test_the_table_shows_the_slowest_case_and_the_note_beside_the_verdict():
    row = Row(
        "click",
        0.5,
        baseline="counter",
        baseline_seconds=0.25,
        budget_ratio=1.5,
        max_seconds=1.25,
        note="slowest: Learn",
    )

    line = table([row]).splitlines()[-1]
    assert "500.0 ms (max 1,250.0 ms)" in line
    assert "2.00x" in line
    assert "over budget; slowest: Learn" in line
