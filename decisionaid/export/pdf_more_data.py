"""The PDF's sections added with deciding with others and the outcome table, as plain data.

The outcome table of each option the person weighs, his next steps, and who else is
involved with a partner's or parent's words as typed. Like `pdf_data.py`, every
string is cleaned and printed as text by the template, never as markup; the words
are those of `markdown_html.py` (both use `wording.py`).
"""

from __future__ import annotations

from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.pdf_data import Cleaner, Data, with_colon
from decisionaid.export.wording import fixed_words, outcome_rows


def outcomes_section(summary: DiscussionSummary, clean: Cleaner) -> Data | None:
    """The outcome table: a heading, the intro, the bleeds a year on each option, then per
    option a heading, why it is set apart for him when it is (review R8-9), and a table of
    questions and answers (header cells: "Question" and the option's name)."""
    if not summary.outcomes_title:  # a summary made before the outcome table
        return None
    corner = clean(fixed_words(summary, "question"))
    return {
        "kind": "outcomes",
        "heading": clean(summary.outcomes_title),
        "intro": clean(summary.outcomes_intro) if summary.outcomes_intro and summary.outcomes else None,
        "options": [
            {
                "name": clean(view.name),
                "apart": clean(view.apart) if view.apart else None,
                "corner": corner,
                "rows": [
                    [clean(label), [clean(v) for v in values]]
                    for label, values in outcome_rows(summary, view)
                ],
                "pictures": harm_pictures_data(summary, view.option_id, clean),
            }
            for view in summary.outcomes
        ],
        "rates": rates_data(summary, clean),
        "nothing": clean(summary.empty),
    }


def rates_data(summary: DiscussionSummary, clean: Cleaner) -> Data | None:
    """The bleeds a year on each option (IPDAS QI7, review M6-4): its heading and words, then
    per type a heading and a table whose header cells name the columns; None without rows."""
    rates = summary.bleed_rates
    if rates is None or not rates.tables:
        return None
    return {
        "title": clean(rates.title),
        "intro": clean(rates.intro),
        "tables": [
            {
                "title": clean(table.title),
                "header": [clean(h) for h in table.header],
                "rows": [[clean(cell) for cell in row.cells] for row in table.rows],
            }
            for table in rates.tables
        ],
    }


def harm_pictures_data(summary: DiscussionSummary, option_id: str, clean: Cleaner) -> list[Data]:
    """The pictures of 100 people of one option's main harms: per picture its title, its
    words as alternative text, and per group how many people and which shape (by place:
    a filled dot, an empty ring, a filled square, an empty square), with the legend and
    caption printed beside it, so neither colour nor the picture carries it alone."""
    return [
        {
            "title": clean(picture.view.title),
            "alt": clean(picture.view.words),
            "counts": [count for count, _ in picture.view.groups],
            "legend": [clean(line) for line in picture.legend],
            "caption": clean(picture.caption),
        }
        for picture in summary.harm_pictures
        if picture.option_id == option_id
    ]


def next_steps_section(summary: DiscussionSummary, clean: Cleaner) -> Data | None:
    """Each next step: what it answers (in bold), its words, then what to do as a list."""
    if "next_steps" not in summary.headings:  # a summary made before this section
        return None
    return {
        "kind": "steps",
        "heading": clean(summary.headings["next_steps"]),
        "steps": [
            {
                "about": clean(step.about),
                "text": clean(step.text),
                "items": [clean(f"{item.label}: {item.text}") for item in step.items],
            }
            for step in summary.next_steps
        ],
        "nothing": clean(summary.empty),
    }


def others_section(summary: DiscussionSummary, clean: Cleaner) -> Data | None:
    """Who else is involved as a list (the answers in bold), then a partner's or parent's
    view exactly as typed, line by line in its own direction."""
    if "others" not in summary.headings:
        return None
    typed = summary.others_view.text.strip()
    return {
        "kind": "others",
        "heading": clean(summary.headings["others"]),
        "items": [[clean(o.label), clean(o.value)] for o in summary.others],
        "view_label": clean(with_colon(summary.labels.get("others_view", ""))) if typed else None,
        "view": clean.blocks(summary.others_view) if typed else [],
        "nothing": clean(summary.empty),
    }
