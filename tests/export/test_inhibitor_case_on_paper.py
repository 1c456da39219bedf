"""The man with an inhibitor now, on paper (reviews M4-1, M4-10): the PDF says that only a
few options can come out ahead for him, and prints "No licence found where you live" under
the band of an option this aid holds no licence line for in his region (where the
comparison is read), in the band picture's alternative text too, and not twice."""

from __future__ import annotations

from decisionaid.export.pdf_fit_data import bands_alt_text, fit_section
from tests.export.sample import inhibitor_case_summary

SAID = "No licence found where you live"


def _omar_in_the_eu(content):
    return inhibitor_case_summary(content)


def test_the_pdf_prints_no_licence_found_under_qfitlias_band_once(content):
    summary = _omar_in_the_eu(content)
    data = fit_section(summary, str)
    rows = {row["name"]: row for row in data["bands"]["rows"]}
    assert any(SAID in note["text"] for note in rows["Qfitlia"]["notes"])
    assert not any(SAID in note["text"] for note in rows["Hemlibra"]["notes"])
    details = {o["name"]: o["reasons"] for o in data["details"]["options"]}
    assert not any(SAID in value for _, value in details["Qfitlia"])
    assert SAID in bands_alt_text(summary)


def test_the_pdf_says_only_two_options_can_come_out_ahead_for_him(content):
    summary = _omar_in_the_eu(content)
    notes = fit_section(summary, str)["notes"]
    assert content.text("summary.fit.few_open", count=2) in notes
