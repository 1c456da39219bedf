"""`python -m benchmarks` runs end to end: every row of issue 16's table gets a number.

The suite is not part of the tests (it takes minutes and its figures depend on the machine);
this runs it once in its smallest configuration and checks only that nothing is missing.
"""

from __future__ import annotations

import json

from benchmarks.__main__ import TINY, measure, write_json

ISSUE_ROWS = (
    "click to the next step",
    "goto to first text",
    "start-up to HTTP 200",
    "render_pdf(summary of daniel-hemophilia-b.json)",
    "`decisionaid summary",
    "server memory per extra browser session",
)


def test_a_tiny_benchmark_run_gives_every_row_a_number_and_its_baseline(browser, tmp_path):
    rows = measure(TINY, browser=browser)

    assert [row.measure for row in rows if not row.measured] == []
    assert [row.measure for row in rows if row.baseline and row.baseline_seconds is None] == []
    for wanted in ISSUE_ROWS:
        assert any(wanted in row.measure for row in rows), wanted
    click = next(row for row in rows if "click to the next step" in row.measure)
    assert click.max_seconds is not None and click.max_seconds >= click.seconds
    written = json.loads(write_json(rows, TINY, 1.0, tmp_path).read_text())
    assert [row["measure"] for row in written["rows"]] == [row.measure for row in rows]
    assert all(row["verdict"] for row in written["rows"])
