"""`python -m benchmarks`: one Markdown table of median timings, each with its baseline from the same run."""

from __future__ import annotations

import argparse

from benchmarks.pdf import PDF_BUDGET_SECONDS, hello_pdf, sample_pdf, session_summary_pdf_maker
from benchmarks.processes import (
    cold_cli_seconds,
    cold_hello_pdf_seconds,
    flet_hello_start_seconds,
    web_start_seconds,
)
from benchmarks.timing import Row, median_seconds, table
from benchmarks.worst_cases import WORST_CASE_BUDGET_SECONDS, worst_case_makers


def measure(runs: int, process_runs: int, web: bool) -> list[Row]:
    """Every row of the table; the in-process ones first, then fresh processes."""
    hello = median_seconds(hello_pdf, runs)
    render = median_seconds(sample_pdf, runs)
    rows = [
        Row('Typst one-page "hello" PDF, built-in font (baseline)', hello, note="baseline"),
        Row(
            "render_pdf(sample summary), in-process",
            render,
            baseline='Typst "hello" PDF',
            baseline_seconds=hello,
            budget_seconds=PDF_BUDGET_SECONDS,
        ),
    ]
    for label, action in worst_case_makers():
        rows.append(
            Row(
                label,
                median_seconds(action, max(3, runs // 5)),
                baseline="render_pdf(sample summary)",
                baseline_seconds=render,
                budget_seconds=WORST_CASE_BUDGET_SECONDS,
            )
        )
    session_pdf = session_summary_pdf_maker()
    rows.append(
        Row(
            "render_pdf(summary of daniel-hemophilia-b.json), in-process",
            median_seconds(session_pdf, runs) if session_pdf else None,
            baseline='Typst "hello" PDF',
            baseline_seconds=hello,
            budget_seconds=PDF_BUDGET_SECONDS,
            note="" if session_pdf else "not available yet",
        )
    )
    cli = cold_cli_seconds(process_runs)
    rows.append(
        Row(
            "`decisionaid summary daniel-hemophilia-b.json -o x.pdf`, cold process",
            cli,
            baseline='`python -c` Typst "hello" PDF',
            baseline_seconds=cold_hello_pdf_seconds(process_runs) if cli is not None else None,
            note="not available yet, or it failed" if cli is None else "",
        )
    )
    if web:
        app = web_start_seconds(process_runs)
        rows.append(
            Row(
                "`decisionaid --web` start-up to HTTP 200",
                app,
                baseline="Flet hello-world served the same way",
                baseline_seconds=flet_hello_start_seconds(process_runs),
                note="did not start" if app is None else "",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="timed runs in-process (default %(default)s)")
    parser.add_argument(
        "--process-runs", type=int, default=3, help="timed runs of each fresh process (default %(default)s)"
    )
    parser.add_argument("--no-web", action="store_true", help="skip the web start-up row")
    args = parser.parse_args()
    print(table(measure(args.runs, args.process_runs, web=not args.no_web)))


if __name__ == "__main__":
    main()
