"""The PDF and the font check on the worst text the app accepts, against the sample summary.

The reliability report (2026-11, M5) measured 12 s for right-to-left notes at the
app's own field limits and more than 300 s for 1 MB of mixed scripts. These rows
keep that in view as ratios against the ordinary sample summary of the same run;
the tests check only what the output holds.
"""

from __future__ import annotations

from collections.abc import Callable

from decisionaid.export.fonts import unprintable_characters
from decisionaid.export.pdf import render_pdf
from tests.export.sample import sample_summary
from tests.export.worst_cases import at_field_limits, latin, many_scripts, right_to_left

WORST_CASE_BUDGET_SECONDS = 2.0
"""The report's goal: any text the app accepts becomes a PDF within two seconds."""


def worst_case_makers() -> list[tuple[str, Callable[[], object]]]:
    """(label, action) for each worst case: the PDF at the field limits and beyond, and the font check."""
    limits = "notes and 20 questions at the field limits"
    cases = [
        (f"render_pdf({limits}, right-to-left)", at_field_limits(right_to_left)),
        (f"render_pdf({limits}, many scripts)", at_field_limits(many_scripts)),
        ("render_pdf(1 MB of notes from a session file, Latin)", sample_summary(notes=latin(1_000_000))),
    ]
    makers: list[tuple[str, Callable[[], object]]] = [
        (label, (lambda s=summary: render_pdf(s))) for label, summary in cases
    ]
    ten_million = sample_summary(notes="中" * 10_000_000)
    makers.append(
        ("unprintable_characters(10 million letters of notes)", lambda: unprintable_characters(ten_million))
    )
    return makers
