"""The discussion summary as Markdown (for email and notes) and as accessible HTML.

The HTML is made from the Markdown by the `markdown` package, so the two never
differ; it has real headings, lists and tables for screen readers. The
person's own words are escaped so that nothing typed can become markup, and
every text goes through `text.plain_text`, as in the PDF, so that no control
code or direction override reaches the file.
"""

from __future__ import annotations

import html
import re

import markdown

from decisionaid.domain.fit_summary import FitCell, FitLine
from decisionaid.domain.summary import DiscussionSummary, Question, UserText
from decisionaid.export.option_grid import grid_markdown
from decisionaid.export.text import plain_text
from decisionaid.export.wording import apart_marks, fixed_words, knowledge_parts, outcome_rows

# Python-Markdown's backslash escapes (markdown.inlinepatterns ESCAPED_CHARS).
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")
_RULE_LINE = re.compile(r"^\s*=+\s*$")


def escape_user_text(text: str) -> str:
    """Markdown that renders as exactly `text`: no emphasis, links, lists, HTML or code."""
    lines = []
    for raw in plain_text(text).split("\n"):
        line = raw.strip()
        line = line.replace("&", "&amp;").replace("<", "&lt;")
        line = _BACKSLASHED.sub(r"\\\1", line)
        if _RULE_LINE.match(line):
            line = line.replace("=", "&#61;")
        lines.append(line)
    # A blank line would end the paragraph; keep the person's breaks as hard breaks.
    return "  \n".join(line if line else "&#8203;" for line in lines).strip()


def _text(value: str | UserText) -> str:
    return escape_user_text(value.text) if isinstance(value, UserText) else value


def _question(q: Question) -> str:
    return f"- [ ] {_text(q.text)}"


SHAPES = {"good": "\u25cf", "mixed": "\u25d0", "poor": "\u25cb", "same": "\u2013"}
"""A filled, a half and an empty circle, as on the fit screen and in the PDF."""


def _cell(cell: FitCell) -> str:
    return f"{SHAPES.get(cell.alignment, '')} {cell.word}".strip()


def _priority_lines(summary: DiscussionSummary) -> list[str]:
    """The top three, each rating, and apart from them what is not important and not answered."""
    lab = summary.labels
    top = _joined(summary.top_three) if summary.top_three else lab["no_top_three"]
    lines = [f"**{lab['top_three']}**: {top}", ""]
    lines += [f"{n}. **{p.attribute}**: {p.importance_label}" for n, p in enumerate(summary.priorities, 1)]
    for key, names in (("not_important", summary.not_important), ("not_answered", summary.not_answered)):
        if names:
            lines += ["", f"**{lab[key]}**: {_joined(names)}"]
    if summary.set_aside:
        lines += ["", f"**{fixed_words(summary, 'set_aside_label')}**: {summary.set_aside}"]
    return lines


def _joined(names: tuple[str, ...]) -> str:
    return "; ".join(names)


WARNING = "\u26a0"
"""A warning sign before a limit the option crosses, as the icon on the fit screen."""


def _option_title(summary: DiscussionSummary, line: FitLine) -> str:
    return f"{line.option} ({summary.labels['uses_now']})" if line.uses_now else line.option


def _column_title(summary: DiscussionSummary, line: FitLine) -> str:
    """A grid column's title: the option, and a warning with words when it crosses a limit."""
    title = _option_title(summary, line)
    return f"{title} ({WARNING} {summary.labels['limits_crossed']})" if line.limits_crossed else title


def _band_words(summary: DiscussionSummary, line: FitLine) -> str:
    """The band's cell: its interval, the options it cannot be told apart from, the limits it crosses."""
    crossed = [f"{WARNING} {summary.labels['limits_crossed']}: {s}" for s in line.limits_crossed]
    return "; ".join(part for part in (line.interval, line.overlaps, *crossed) if part)


def _fit_lines(summary: DiscussionSummary) -> list[str]:
    """Bands with their intervals, the alignment grid, each option's reasons, the options apart:
    options in the summary's fixed order, never sorted by fit."""
    lab = summary.labels
    out = [summary.fit_explainer, "", summary.fit_order, "", *(f"> {note}" for note in summary.fit_notes)]
    if summary.fit_available:
        out += [
            "",
            f"### {lab['bands_title']}",
            "",
            f"| {lab['option']} | {lab['fit_column']} |",
            "|---|---|",
        ]
        out += [f"| {_option_title(summary, f)} | {_band_words(summary, f)} |" for f in summary.fits]
        if summary.grid_priorities:
            # What good, mixed and poor are measured against (review M5-1), as the screen says.
            out += ["", f"### {lab['grid_title']}", "", fixed_words(summary, "grid_key"), ""]
            out.append(
                "| "
                + " | ".join([lab["priority_column"], *(_column_title(summary, f) for f in summary.fits)])
                + " |"
            )
            out.append("|" + "---|" * (len(summary.fits) + 1))
            for row, priority in enumerate(summary.grid_priorities):
                cells = [_cell(f.cells[row]) if row < len(f.cells) else "" for f in summary.fits]
                out.append("| " + " | ".join([priority, *cells]) + " |")
    each = [(f, _details(summary, f)) for f in summary.fits]
    if any(details for _, details in each):
        # Its own heading with or without a fit: the option headings under it are h4,
        # and an h2 straight to h4 skips a level for a screen reader.
        out += ["", f"### {lab['details_title']}"]
    for f, details in each:
        if details:
            out += ["", f"#### {_option_title(summary, f)}", "", *details]
    if summary.apart:
        out += ["", f"### {lab['apart_title']}", ""]
        for a in summary.apart:
            out.append(f"- **{a.option}** ({a.standing}): {' '.join(a.reasons)}".rstrip(": "))
            # Nested under its option (four spaces: Python-Markdown's list indent).
            out += [f"    - {line}" for line in apart_marks(summary, a)]
    return out


def _details(summary: DiscussionSummary, f: FitLine) -> list[str]:
    """The list under one option's heading: its standing, fit, limits and care-team notes."""
    lab = summary.labels
    details = [f"- {f.status_note}"] if f.status_note else []
    if summary.fit_available:
        details.append(f"- {f.interval}")
        details += [f"- {f.overlaps}"] if f.overlaps else []
        details += [f"- {_cell(c)}, {c.priority}: {c.reason}" for c in f.cells]
        details += [f"- {c}" for c in f.contrasts]
    details += [f"- {lab['limits_crossed']}: {s}" for s in f.limits_crossed]
    if f.flags:
        details.append(f"- {lab['flags']}: {', '.join(f.flags)}")
    return details


def _knowledge_lines(summary: DiscussionSummary) -> list[str]:
    """Each question for his type with his answer and whether it was right (issue 14/15)."""
    lines = []
    for n, k in enumerate(summary.knowledge_lines, 1):
        before, verdict, after = knowledge_parts(summary, k)
        lines.append(f"{n}. {before} **{verdict}**{after}")
    return lines


def _table_row(cells: tuple[str, ...] | list[str]) -> str:
    # A bar would end the cell and a line break the row: neither may reach the table.
    return "| " + " | ".join(" ".join(c.replace("|", "\\|").split()) for c in cells) + " |"


def _rate_lines(summary: DiscussionSummary) -> list[str]:
    """The bleeds a year on each option (IPDAS QI7, review M6-4): a heading, the words that
    say the studies differ, then a table per type under its own heading."""
    rates = summary.bleed_rates
    if rates is None or not rates.tables:
        return []
    lines = ["", f"### {rates.title}", "", rates.intro]
    for table in rates.tables:
        lines += ["", f"#### {table.title}", "", _table_row(table.header)]
        lines += ["|" + "---|" * len(table.header), *(_table_row(row.cells) for row in table.rows)]
    return lines


def _outcome_lines(summary: DiscussionSummary) -> list[str]:
    """The intro, the bleeds a year on each option, then per option a heading, why it is set
    apart for him when it is (review R8-9), and a table of questions and answers."""
    lines = [summary.outcomes_intro] if summary.outcomes_intro else []
    rates = _rate_lines(summary)
    lines += rates
    for view in summary.outcomes:
        lines += ["", f"### {view.name}", ""]
        if view.apart:
            lines += [f"**{view.apart}**", ""]
        lines += [
            f"| {fixed_words(summary, 'question')} | {view.name} |",
            "|---|---|",
        ]
        lines += [f"| {label} | {'; '.join(values)} |" for label, values in outcome_rows(summary, view)]
        lines += _picture_lines(summary, view.option_id)
    return lines if summary.outcomes or rates else []


def _picture_lines(summary: DiscussionSummary, option_id: str) -> list[str]:
    """The pictures of 100 people of an option's main harms, in words: what the PDF draws."""
    lines: list[str] = []
    for picture in summary.harm_pictures:
        if picture.option_id == option_id:
            lines += ["", f"#### {picture.view.title}", "", *(f"- {line}" for line in picture.legend)]
            lines += ["", picture.caption]
    return lines


def _next_step_lines(summary: DiscussionSummary) -> list[str]:
    """Each next step: what it answers, its words, then what to do, one item a line."""
    lines: list[str] = []
    for step in summary.next_steps:
        lines += [f"**{step.about}**", "", step.text, ""]
        lines += [f"- {item.label}: {item.text}" for item in step.items]
        lines += [""] if step.items else []
    return lines[:-1] if lines else lines


def _others_lines(summary: DiscussionSummary) -> list[str]:
    """Who else is involved, their views, pressure; a partner's or parent's words as typed."""
    lines = [f"- {o.label} **{o.value}**" for o in summary.others]
    if summary.others_view.text.strip():
        lines += ["", f"**{summary.labels.get('others_view', '')}**:", "", _text(summary.others_view)]
    return lines


def render_markdown(summary: DiscussionSummary) -> str:
    """The summary as Markdown, sections in the printed order."""
    h, empty = summary.headings, summary.empty
    out: list[str] = [f"# {summary.title}", "", summary.subtitle, "", summary.labels.get("made", ""), ""]
    # The banner: how old the content is, who wrote it and whether a clinician has checked it.
    if summary.banner:
        out += ["\n>\n".join(f"> {line}" for line in summary.banner), ""]

    def section(key: str, lines: list[str]) -> None:
        out.extend([f"## {h[key]}", "", *(lines or [empty]), ""])

    section(
        "about_you",
        [
            f"| {summary.labels.get('question', '')} | {summary.labels.get('your_answer', '')} |",
            "|---|---|",
            *(f"| {p.label} | {p.value} |" for p in summary.profile),
        ]
        if summary.profile
        else [],
    )
    section("priorities", _priority_lines(summary))
    section("limits", [f"- {s}" for s in summary.hard_limits] or [fixed_words(summary, "none")])
    section("fit", _fit_lines(summary))
    out.extend(grid_markdown(summary.grid))
    if summary.outcomes_title:  # a summary made before the outcome table has no title for it
        out.extend([f"## {summary.outcomes_title}", "", *(_outcome_lines(summary) or [empty]), ""])
    knowledge = []
    if summary.knowledge:
        knowledge = [
            f"{summary.knowledge.label}: {summary.knowledge.value}",
            "",
            *_knowledge_lines(summary),
            "",
            *(f"- {m}" for m in summary.knowledge_misses),
        ]
    section("knowledge", knowledge)
    readiness = [f"- {r.label} **{r.value}**" for r in summary.readiness]
    if summary.readiness_note:
        readiness += ["", summary.readiness_note]
    section("readiness", readiness)
    if "next_steps" in h:  # a summary made before these sections has no heading for them
        section("next_steps", _next_step_lines(summary))
    section("leaning", [summary.leaning, *(["", summary.leaning_change] if summary.leaning_change else [])])
    section("role", [summary.role])
    if "others" in h:
        section("others", _others_lines(summary))
    section("questions", [_question(q) for q in summary.questions])
    section("notes", [_text(summary.notes)] if summary.notes.text.strip() else [])
    section(
        "clinician_notes", [_text(summary.clinician_notes)] if summary.clinician_notes.text.strip() else []
    )
    section("sources", [f"{n}. {s}" for n, s in enumerate(summary.sources, 1)])
    out += ["---", "", f"*{summary.disclaimer}*", ""]
    # The person's words are clean already; this catches any in the content's.
    return plain_text("\n".join(out)) + "\n"


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="decisionaid {app}">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; font-size: 1.1rem; line-height: 1.5;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff;
       overflow-wrap: anywhere; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.3rem; border-bottom: 1px solid #888; margin-top: 2rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #888; padding: .3rem .6rem; text-align: left; }}
@media (max-width: 30rem) {{ th, td {{ padding: .2rem .25rem; }} }}
blockquote {{ border-left: 4px solid #1f5f8b; margin: 1rem 0; padding: .2rem 1rem; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #121212; color: #eee; }} }}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def render_html(summary: DiscussionSummary) -> str:
    """The summary as a standalone, accessible HTML page."""
    body = markdown.markdown(
        render_markdown(summary), extensions=["tables", "sane_lists"], output_format="html"
    )
    body = body.replace("<li>[ ] ", '<li><span aria-hidden="true">&#9744;</span> ')
    return HTML_PAGE.format(
        lang=html.escape(plain_text(summary.language)),
        title=html.escape(plain_text(summary.title)),
        app=html.escape(summary.app_version),
        body=body,
    )
