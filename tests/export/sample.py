"""A hand-built discussion summary for exporter tests (independent of content)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from decisionaid.domain.fit_summary import ApartLine, FitCell, FitLine
from decisionaid.domain.summary import DiscussionSummary, LabelledValue, Priority, Question, UserText
from decisionaid.export.wording import LABELS

HEADINGS = {
    "about_you": "About you",
    "priorities": "What matters most to you",
    "limits": "Things you said you could not accept",
    "fit": "How the options fit what you said",
    "knowledge": "Knowledge check",
    "readiness": "How ready you feel",
    "leaning": "Which way you are leaning",
    "role": "How you want to decide",
    "questions": "Questions for your care team",
    "notes": "Your notes",
    "clinician_notes": "Notes from the care team",
    "sources": "Sources",
}


LEFT_OUT_LABELS = frozenset(
    {
        "set_aside_label",
        "page_of",
        "knowledge_misses",
        "shortened",
        "unprintable",
        "scale_low",
        "scale_high",
        "bands_key",
        "outcomes_harms",
        "outcomes_sources",
        "question",
    }
)
"""The fixed words of `LABELS` the sample summary leaves out; it carries the others in the
exporters' own words (not a copy of them), a few worded otherwise in `sample_summary`."""

BANDS = {"closer": "Closer to what you said", "middle": "In between", "further": "Further from what you said"}


def fit_line(
    option_id: str,
    name: str,
    interval: tuple[int, int, int],
    alignments: tuple[str, ...],
    *,
    uses_now: bool = False,
    contrasts: tuple[str, ...] = (),
    limits: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
    overlaps: str = "",
) -> FitLine:
    """One option as the summary shows it, with a cell per priority of the sample."""
    low, mid, high = interval
    band = "closer" if low >= 60 else "further" if high <= 40 else "middle"
    priorities = ("Treatment burden", "Limits on daily life")
    return FitLine(
        option_id=option_id,
        option=name,
        uses_now=uses_now,
        band=band,
        band_words=BANDS[band],
        low=low,
        fit=mid,
        high=high,
        interval=f"{BANDS[band]}: from {low} to {high} out of 100 (best estimate {mid})",
        cells=tuple(
            FitCell(p, a, a, f"{name}, {p}: {a}", f"Why {name} is {a} on {p.lower()}.")
            for p, a in zip(priorities, alignments, strict=True)
        ),
        contrasts=contrasts,
        limits_crossed=limits,
        overlaps=overlaps,
        flags=flags,
        status_note=None,
    )


def sample_summary(
    notes: str = "I want to talk about my ankle.", own_question: str = "Can I still play football?"
):
    """A summary like Daniel's (hemophilia B), with every section filled."""
    return DiscussionSummary(
        title="Discussion summary: hemophilia treatment choices",
        subtitle="Made with decisionaid. Bring this to your next visit.",
        language="en",
        created=dt.date(2026, 11, 22),
        content_version="2026.11",
        app_version="0.1.0",
        headings=HEADINGS,
        profile=(
            LabelledValue("Type of hemophilia", "B"),
            LabelledValue("How severe", "Severe"),
            LabelledValue("Treatment now", "Factor IX, extended half-life"),
        ),
        priorities=(
            Priority("Treatment burden", 4, "Extremely important", top=True),
            Priority("Limits on daily life", 3, "Very important", top=True),
            Priority("Track record", 1, "A little important"),
        ),
        top_three=("Treatment burden", "Limits on daily life"),
        not_important=("Needles",),
        not_answered=("Travel to a centre",),
        hard_limits=("I could not avoid alcohol for a year or more.",),
        fit_available=True,
        fit_explainer=(
            "How closely each option lines up with what you said matters to you, from 0 to 100. "
            "It is not advice."
        ),
        fit_order="The options are always shown in the same order. The order is not a ranking.",
        fit_notes=("Close call: the ranges overlap.",),
        grid_priorities=("Treatment burden", "Limits on daily life"),
        fits=(
            fit_line(
                "hemgenix",
                "Hemgenix",
                (48, 60, 72),
                ("good", "poor"),
                contrasts=(
                    "Hemgenix over Factor IX, extended half-life: Treatment burden. "
                    "Against it: Limits on daily life.",
                ),
                limits=("I could not avoid alcohol for a year or more.",),
                flags=("Plans for children",),
                overlaps="Cannot be told apart from: Factor IX, extended half-life",
            ),
            fit_line(
                "factor9-extended",
                "Factor IX, extended half-life",
                (55, 61, 66),
                ("mixed", "good"),
                uses_now=True,
                overlaps="Cannot be told apart from: Hemgenix",
                contrasts=(
                    "Factor IX, extended half-life over Hemgenix: Limits on daily life. "
                    "Against it: Treatment burden.",
                ),
            ),
        ),
        apart=(ApartLine("beqvez", "Beqvez", "No longer offered", ("Withdrawn in February 2025.",)),),
        knowledge=LabelledValue("Right answers", "6 of 7"),
        knowledge_misses=("Gene therapy cannot be given twice with the same shell.",),
        readiness=(
            LabelledValue("I feel sure about the best choice for me", "No"),
            LabelledValue("I know the good and bad sides of each option", "Yes"),
        ),
        readiness_note=(
            "You answered no to at least one question. That is common. Talk it over with your team."
        ),
        leaning="Not sure yet",
        role="I want my care team and me to decide together.",
        questions=(
            Question("How often would I need liver blood tests, and where?", "concern"),
            Question(UserText(own_question), "own"),
        ),
        notes=UserText(notes),
        clinician_notes=UserText(""),
        sources=("CSL Behring. Hemgenix SmPC. EMA, 2023. https://example.org",),
        disclaimer="This summary is not medical advice and does not recommend a treatment.",
        empty="Not answered",
        labels={
            **{key: words for key, words in LABELS.items() if key not in LEFT_OUT_LABELS},
            "none": "None",
            "knowledge.label": "Right answers",
            "made": "Made on 2026-11-22. Content version 2026.11, app version 0.1.0.",
            "option": "Option",
            "fit_column": "How closely it fits (0 to 100)",
        },
    )


def empty_summary() -> DiscussionSummary:
    """The sample summary with every optional section emptied: nothing answered, no fit."""
    return dataclasses.replace(
        sample_summary(notes=""),
        fit_available=False,
        fits=(),
        fit_notes=(),
        questions=(),
        priorities=(),
        profile=(),
        hard_limits=(),
        knowledge=None,
        knowledge_misses=(),
        readiness=(),
        readiness_note=None,
        leaning="",
        role="",
        sources=(),
    )


def inhibitor_case_summary(content) -> DiscussionSummary:
    """The summary of the 27-year-old with severe A and an inhibitor now, on Hemlibra, in the
    EU, every feature rated 3: the case the grid key and the licence marks are checked on."""
    from decisionaid.domain.session import Profile, Session
    from decisionaid.domain.summary import build_summary

    profile = Profile(
        hemophilia_type="A", severity="severe", inhibitors="now", current_treatment="emicizumab", region="eu"
    )
    session = Session(profile=profile, importance={a.id: 3 for a in content.attributes})
    return build_summary(content, session, dt.date(2026, 12, 1), "t")
