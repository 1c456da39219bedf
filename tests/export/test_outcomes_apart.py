"""Review R8-9: an option set apart for the person says why under its heading in "Bleeds and
harms in numbers", in the PDF and the Markdown, before its numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_markdown
from decisionaid.export.pdf import render_pdf
from tests.export.test_pdf_accessible import text_of
from tests.export.test_pdf_sections import said

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
FACTOR_VIII = ("factor8-standard", "factor8-extended")


@pytest.fixture(scope="module")
def ray_now(content):
    """Ray's sample session with an inhibitor now: factor VIII is not for him."""
    ray = Session.model_validate_json((SESSIONS / "ray-hemophilia-a.json").read_text())
    ray = ray.model_copy(update={"profile": ray.profile.model_copy(update={"inhibitors": "now"})})
    return build_summary(content, ray, dt.date(2026, 12, 1), "t")


def test_the_markdown_says_why_factor_viii_is_not_for_him_between_its_heading_and_its_numbers(ray_now):
    md = render_markdown(ray_now)
    numbers = md.index(f"## {ray_now.outcomes_title}")
    for view in (v for v in ray_now.outcomes if v.option_id in FACTOR_VIII):
        assert view.apart
        heading = md.index(f"### {view.name}", numbers)
        table = md.index(f"| {view.name} |", heading)
        assert heading < md.index(view.apart, heading) < table


def test_the_pdf_says_why_factor_viii_is_not_for_him_before_its_numbers(ray_now):
    text = said(text_of(render_pdf(ray_now)))
    numbers = text.index(said(ray_now.outcomes_intro))
    for view in (v for v in ray_now.outcomes if v.option_id in FACTOR_VIII):
        assert view.apart
        apart = text.index(said(view.apart), numbers)
        assert apart < text.index(said(view.bleeds[0].lines[0].value), apart)
