"""The HTML summary reflows on a 320 px screen (WCAG 1.4.10): no sideways scrolling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decisionaid import __version__
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html
from decisionaid.loader import load_content
from decisionaid.storage import read_session_file

SESSION = Path(__file__).parents[1] / "testdata" / "sessions" / "daniel-hemophilia-b.json"


def test_the_html_summary_fits_a_320_px_screen_without_scrolling_sideways(browser, shipped_content):
    """Audit D17: 28 long source addresses made the page 791 px wide at 320 px."""
    summary = build_summary(
        load_content(shipped_content), read_session_file(SESSION), dt.date(2026, 12, 1), __version__
    )
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.set_content(render_html(summary))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert "https://" in page.content()  # the long addresses are there, wrapped
    finally:
        page.close()


def test_the_option_grid_of_four_options_fits_a_320_px_screen_too(browser, shipped_content):
    """The one-page grid is a five-column table (issue 15): it must reflow, not scroll sideways."""
    ray = read_session_file(SESSION.with_name("ray-hemophilia-a.json"))
    ray = ray.model_copy(update={"leaning": "roctavian", "compare_picks": ["fitusiran", "concizumab"]})
    summary = build_summary(load_content(shipped_content), ray, dt.date(2026, 12, 1), __version__)
    assert summary.grid is not None and len(summary.grid.columns) == 4
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.set_content(render_html(summary))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        page.close()
