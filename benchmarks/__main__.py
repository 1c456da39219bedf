"""`python -m benchmarks`: one Markdown table of medians, each with its baseline from the same run,
with verdicts against the budgets of issue 16; the rows are also written as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.pdf import PDF_BUDGET_SECONDS, hello_pdf, sample_pdf, session_summary_pdf_maker
from benchmarks.processes import (
    cold_cli_seconds,
    cold_hello_pdf_seconds,
    flet_hello_start_seconds,
    web_start_seconds,
)
from benchmarks.timing import Row, median_seconds, table
from benchmarks.worst_cases import WORST_CASE_BUDGET_SECONDS, worst_case_makers

RESULTS = Path(__file__).parent / "results"
CLICK_BUDGET_RATIO = 1.5
FIRST_TEXT_BUDGET_RATIO = 1.1
WEB_START_BUDGET_RATIO = 1.25
CLI_BUDGET_RATIO = 1.3
SESSION_BUDGET_MEGABYTES = 2.0


@dataclass(frozen=True)
class Sizes:
    """How many times each figure is taken. The defaults finish in under five minutes on two
    busy cores; `tiny` only proves that every row can be measured."""

    runs: int = 9
    """Timed runs of each in-process PDF figure."""
    process_runs: int = 3
    """Timed runs of each fresh process (CLI, servers to HTTP 200)."""
    worst_case_runs: int = 1
    """Timed runs of each worst-case PDF (no warm-up: the sample summary has warmed the fonts)."""
    journeys: int = 1
    """Walks of the journey in Chromium (Start, Next to the summary, Back to the welcome page)."""
    steps: int = 0
    """How many steps each walk goes in and back; 0 is the whole journey."""
    goto_runs: int = 3
    """Page loads to the first text, each app."""
    sessions: int = 20
    """Extra browser sessions for the memory figure."""


QUICK = Sizes(runs=5, process_runs=1, goto_runs=1)
TINY = Sizes(runs=1, process_runs=1, worst_case_runs=1, journeys=1, steps=3, goto_runs=1, sessions=2)


def pdf_rows(runs: int, worst_case_runs: int) -> list[Row]:
    """The in-process PDF rows."""
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
                median_seconds(action, worst_case_runs, warm_up=0),
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
    return rows


def process_rows(process_runs: int, web: bool) -> list[Row]:
    """The fresh-process rows: the summary command, and the web server's start to HTTP 200."""
    cli = cold_cli_seconds(process_runs)
    rows = [
        Row(
            "`decisionaid summary daniel-hemophilia-b.json -o x.pdf`, cold process",
            cli,
            baseline='`python -c` Typst "hello" PDF',
            baseline_seconds=cold_hello_pdf_seconds(process_runs) if cli is not None else None,
            budget_ratio=CLI_BUDGET_RATIO,
            note="not available yet, or it failed" if cli is None else "",
        )
    ]
    if web:
        app = web_start_seconds(process_runs)
        rows.append(
            Row(
                "`decisionaid --web` start-up to HTTP 200",
                app,
                baseline="Flet hello-world served the same way",
                baseline_seconds=flet_hello_start_seconds(process_runs),
                budget_ratio=WEB_START_BUDGET_RATIO,
                note="did not start" if app is None else "",
            )
        )
    return rows


def browser_rows(sizes: Sizes, browser=None) -> list[Row]:
    """The Chromium rows: click to the next step, goto to first text, memory per session.

    `browser` is a launched Playwright Chromium (the e2e fixture's, in the test); without
    one, Debian's Chromium is launched here with the e2e tests' options.
    """
    from playwright.sync_api import sync_playwright

    from benchmarks import browser as chromium

    if browser is None:
        with sync_playwright() as playwright:
            launched = chromium.launch(playwright)
            try:
                return browser_rows(sizes, launched)
            finally:
                launched.close()
    journey = chromium.journey_clicks(browser, sizes.journeys, sizes.steps)
    counter = chromium.counter_clicks(browser, len(journey.ms))
    first = chromium.first_text_seconds(browser, sizes.goto_runs)
    hello = chromium.hello_first_text_seconds(browser, sizes.goto_runs)
    memory = chromium.memory_per_session(browser, sizes.sessions)
    return [
        Row(
            "click to the next step's heading in Chromium (Start, Next, Back over "
            + (f"the first {sizes.steps} steps)" if sizes.steps else "all steps)"),
            journey.median_seconds,
            baseline="Flet counter: click to its new text",
            baseline_seconds=counter.median_seconds,
            budget_ratio=CLICK_BUDGET_RATIO,
            max_seconds=journey.max_seconds,
            note=f"slowest: {journey.slowest()}",
        ),
        Row(
            "goto to first text in the accessibility tree",
            first,
            baseline="Flet hello-world: goto to its text",
            baseline_seconds=hello,
            budget_ratio=FIRST_TEXT_BUDGET_RATIO,
        ),
        Row(
            f"server memory per extra browser session ({sizes.sessions} sessions)",
            None,
            megabytes=memory,
            budget_megabytes=SESSION_BUDGET_MEGABYTES,
        ),
    ]


def measure(sizes: Sizes, web: bool = True, browser=None) -> list[Row]:
    """Every row of the table: in-process PDFs, fresh processes, then Chromium."""
    rows = pdf_rows(sizes.runs, sizes.worst_case_runs) + process_rows(sizes.process_runs, web)
    if web:
        rows += browser_rows(sizes, browser)
    return rows


def machine() -> dict[str, object]:
    """What the figures were taken on: they mean little without it."""
    return {
        "cores": os.cpu_count(),
        "load_average": os.getloadavg(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
    }


def write_json(rows: list[Row], sizes: Sizes, seconds: float, folder: Path = RESULTS) -> Path:
    """The run as JSON in `folder` (git-ignored): one file per run, and latest.json."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    record = {
        "taken": now.isoformat(timespec="seconds"),
        "machine": machine(),
        "sizes": asdict(sizes),
        "suite_seconds": seconds,
        "rows": [row.as_json() for row in rows],
    }
    text = json.dumps(record, indent=2)
    path = folder / f"{now:%Y%m%dT%H%M%SZ}.json"
    path.write_text(text, encoding="utf-8")
    (folder / "latest.json").write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs of each figure (about two minutes)")
    parser.add_argument("--runs", type=int, help=f"timed runs in-process (default {Sizes.runs})")
    parser.add_argument(
        "--process-runs", type=int, help=f"runs of each fresh process (default {Sizes.process_runs})"
    )
    parser.add_argument("--journeys", type=int, help=f"journey walks in Chromium (default {Sizes.journeys})")
    parser.add_argument(
        "--sessions", type=int, help=f"extra sessions for the memory row (default {Sizes.sessions})"
    )
    parser.add_argument("--no-web", action="store_true", help="skip the web start-up and Chromium rows")
    parser.add_argument(
        "--json", type=Path, default=RESULTS, help="folder for the JSON results (default %(default)s)"
    )
    args = parser.parse_args()
    sizes = QUICK if args.quick else Sizes()
    chosen = {
        "runs": args.runs,
        "process_runs": args.process_runs,
        "journeys": args.journeys,
        "sessions": args.sessions,
    }
    sizes = Sizes(**{**asdict(sizes), **{k: v for k, v in chosen.items() if v is not None}})
    start = time.perf_counter()
    rows = measure(sizes, web=not args.no_web)
    elapsed = time.perf_counter() - start
    print(table(rows))
    info = machine()
    print(
        f"\n{info['cores']} cores, load average {', '.join(f'{x:.1f}' for x in info['load_average'])}; "
        f"suite took {elapsed:.0f} s; JSON: {write_json(rows, sizes, elapsed, args.json)}"
    )


if __name__ == "__main__":
    main()
