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

from decisionaid.domain.summary import DiscussionSummary, Question, UserText
from decisionaid.export.text import plain_text

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


def render_markdown(summary: DiscussionSummary) -> str:
    """The summary as Markdown, sections in the printed order."""
    h, empty = summary.headings, summary.empty
    out: list[str] = [f"# {summary.title}", "", summary.subtitle, "", summary.labels.get("made", ""), ""]

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
    section(
        "priorities",
        [f"{n}. **{p.attribute}**: {p.importance_label}" for n, p in enumerate(summary.priorities, 1)],
    )
    section("limits", [f"- {s}" for s in summary.hard_limits])
    fit_lines = [summary.fit_explainer, "", *(f"> {note}" for note in summary.fit_notes)]
    lab = summary.labels
    if summary.fit_available:
        fit_lines += ["", f"| {lab['option']} | {lab['fit_column']} |", "|---|---:|"]
        fit_lines += [f"| {f.option} | {f.fit:.0f} |" for f in summary.fits]
    for f in summary.fits:
        # Limits, notes and status show even when no fit can be computed, as in the PDF.
        score = f": {lab['of_100'].format(fit=f'{f.fit:.0f}')}" if summary.fit_available else ""
        details = [f"- {f.status_note}"] if f.status_note else []
        if summary.fit_available:
            details.append(f"- {lab['pulls_up']}: {', '.join(f.drivers_for) or lab['none']}")
            details.append(f"- {lab['pulls_down']}: {', '.join(f.drivers_against) or lab['none']}")
        details += [f"- {lab['limits_crossed']}: {s}" for s in f.limits_crossed]
        if f.flags:
            details.append(f"- {lab['flags']}: {', '.join(f.flags)}")
        if summary.fit_available or details:
            fit_lines += ["", f"### {f.option}{score}", "", *details]
    section("fit", fit_lines)
    knowledge = []
    if summary.knowledge:
        knowledge = [
            f"{summary.knowledge.label}: {summary.knowledge.value}",
            "",
            *(f"- {m}" for m in summary.knowledge_misses),
        ]
    section("knowledge", knowledge)
    readiness = [f"- {r.label} **{r.value}**" for r in summary.readiness]
    if summary.readiness_note:
        readiness += ["", summary.readiness_note]
    section("readiness", readiness)
    section("leaning", [summary.leaning])
    section("role", [summary.role])
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
