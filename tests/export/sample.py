"""A hand-built discussion summary for exporter tests (independent of content)."""

from __future__ import annotations

import datetime as dt

from decisionaid.domain.summary import DiscussionSummary, FitLine, LabelledValue, Priority, Question, UserText

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
            Priority("Treatment burden", 4, "Extremely important"),
            Priority("Limits on daily life", 3, "Very important"),
            Priority("Track record", 1, "A little important"),
        ),
        hard_limits=("I could not avoid alcohol for a year or more.",),
        fit_available=True,
        fit_explainer=(
            "How well each option fits what you said matters to you, from 0 to 100. It is not advice."
        ),
        fit_notes=("Close call: the top two are within 5 points.",),
        fits=(
            FitLine(
                "Hemgenix",
                71.5,
                None,
                ("Treatment burden",),
                ("Limits on daily life",),
                ("I could not avoid alcohol for a year or more.",),
                ("Plans for children",),
            ),
            FitLine(
                "Factor IX, extended half-life", 67.0, None, ("Track record",), ("Treatment burden",), (), ()
            ),
            FitLine("Beqvez", 40.0, "No longer offered since February 2025", (), (), (), ("Withdrawn",)),
        ),
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
            "pulls_up": "Pulls up",
            "pulls_down": "Pulls down",
            "limits_crossed": "Crosses your limit",
            "flags": "Ask your care team",
            "none": "None",
            "knowledge.label": "Right answers",
            "made": "Made on 2026-11-22. Content version 2026.11, app version 0.1.0.",
            "option": "Option",
            "fit_column": "Fit (0 to 100)",
            "of_100": "{fit} of 100",
        },
    )
