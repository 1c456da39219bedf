"""Clinician mode: the patient's answers at a glance, talking points, teach-back and notes."""

from __future__ import annotations

import asyncio
import datetime as dt

import flet as ft

from decisionaid.domain.clinician import TeachBack, talking_points, teach_back
from decisionaid.domain.summary import DiscussionSummary, UserText
from decisionaid.gui.controls import LONG_TEXT, TextEntry, action_button, go, heading, paragraph, text_node
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.fit import fit_sections
from decisionaid.gui.views.welcome import notice

WHEN = "%Y-%m-%d %H:%M"


def _text(value: str | UserText) -> str:
    return value.text if isinstance(value, UserText) else value


def when(moment: dt.datetime) -> str:
    """A saved time in the device's local time, or as it was saved when local time
    cannot show it (a date at the very ends of the calendar)."""
    try:
        return moment.astimezone().strftime(WHEN)
    except (OverflowError, ValueError, OSError):
        try:
            return moment.strftime(WHEN)
        except ValueError:
            return moment.isoformat()


def _card(title: str, lines: list[str], identifier: str) -> ft.Control:
    """One 'at a glance' box: a heading and short lines."""
    return ft.Semantics(
        identifier=identifier,
        container=True,
        col={"xs": 12, "md": 6},
        content=ft.Container(
            ft.Column(
                [heading(title, level=3), *(text_node(line) for line in lines)],
                spacing=4,
            ),
            padding=16,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=12,
            expand=True,
        ),
    )


def at_a_glance(state: AppState, summary: DiscussionSummary) -> list[ft.Control]:
    """Profile, priorities, limits, readiness, leaning (and how it moved), role, who else is
    involved and questions, side by side."""
    h = summary.headings
    empty = [summary.empty]
    readiness = [f"{r.label.rstrip('.')}: {r.value}" for r in summary.readiness]
    if summary.knowledge:
        readiness.append(f"{summary.knowledge.label}: {summary.knowledge.value}")
    if summary.readiness_note:
        readiness.append(summary.readiness_note)
    others = [f"{o.label} {o.value}" for o in summary.others]
    if summary.others_view.text.strip():
        others.append(summary.others_view.text)
    cards = [
        _card(h["about_you"], [f"{p.label}: {p.value}" for p in summary.profile] or empty, "glance-profile"),
        _card(
            h["priorities"],
            [f"{p.importance_label}: {p.attribute}" for p in summary.priorities] or empty,
            "glance-priorities",
        ),
        _card(h["limits"], list(summary.hard_limits) or empty, "glance-limits"),
        _card(h["readiness"], readiness or empty, "glance-readiness"),
        _card(
            f"{h['leaning']} · {h['role']}",
            [summary.leaning, *([summary.leaning_change] if summary.leaning_change else []), summary.role],
            "glance-leaning",
        ),
        # Who else is involved and whether he feels pressure (the Ottawa guide's "support").
        _card(h.get("others", ""), others or empty, "glance-others"),
        _card(h["questions"], [_text(q.text) for q in summary.questions] or empty, "glance-questions"),
    ]
    return [
        heading(state.t("clinician.glance"), level=2),
        ft.ResponsiveRow(cards, spacing=12, run_spacing=12),
    ]


def teach_back_item(state: AppState, item: TeachBack) -> ft.Control:
    """One fact to check: the question, what was answered (in words and an icon), the answer."""
    if item.correct is None:
        icon, verdict = ft.Icons.HELP_OUTLINE, state.t("clinician.teach_back.skipped")
    elif item.correct:
        icon, verdict = ft.Icons.CHECK_CIRCLE_OUTLINE, state.t("clinician.teach_back.right")
    else:
        icon, verdict = (
            ft.Icons.ERROR_OUTLINE,
            state.t("clinician.teach_back.missed", answer=item.patient_answer),
        )
    return ft.Semantics(
        identifier=f"teach-{item.item_id}",
        container=True,
        content=ft.Column(
            [
                ft.Text(item.question, weight=ft.FontWeight.W_600),
                ft.Row([ft.Icon(icon, semantics_label=verdict), ft.Text(verdict, expand=True)]),
                ft.Text(state.t("clinician.teach_back.answer", answer=item.right_answer)),
                ft.Text(item.explanation, italic=True),
            ],
            spacing=4,
        ),
    )


@ft.component
def Clinician():
    """For the consultation: open a session file, see it at a glance, talk it through, add notes."""
    state = use_app_state()
    page = ft.context.page
    problem, set_problem = ft.use_state(None)
    summary = state.summary()
    session = state.session

    async def open_file() -> None:
        picked = await ft.FilePicker().pick_files(
            dialog_title=state.t("clinician.open"),
            file_type=ft.FilePickerFileType.CUSTOM,
            allowed_extensions=["json"],
            with_data=True,
            cancel_upload_on_window_blur=False,
        )
        if picked:
            chosen = picked[0]
            # Reading a large file takes seconds: off the event loop, which every session shares.
            opened = await asyncio.to_thread(state.read_opened, chosen.name, chosen.bytes or b"")
            if isinstance(opened, str):
                set_problem(opened)
            else:
                state.show_opened(chosen.name, opened)
                set_problem(None)

    large = state.display.text_scale >= 1.5
    changed = when(session.updated)
    showing = (
        state.t("clinician.showing_file", name=state.opened_file, date=changed)
        if state.opened_file
        else state.t("clinician.showing_device", date=changed)
    )
    controls: list[ft.Control] = [
        heading(state.t("step.clinician.title")),
        paragraph(state.t("clinician.intro")),
        ft.Row(
            [
                action_button(
                    "open-session", state.t("clinician.open"), open_file, icon=ft.Icons.FOLDER_OPEN
                ),
                action_button(
                    "large-type",
                    state.t("clinician.normal" if large else "clinician.large"),
                    lambda: state.set_display(text_scale=1.0 if large else 1.5),
                    icon=ft.Icons.FORMAT_SIZE,
                ),
                action_button("show-compare", state.t("clinician.compare"), lambda: go(page, "/compare")),
                action_button("show-evidence", state.t("clinician.evidence"), lambda: go(page, "/learn")),
                action_button(
                    "to-summary",
                    state.t("clinician.to_summary"),
                    lambda: go(page, "/summary"),
                    primary=True,
                ),
            ],
            wrap=True,
            spacing=12,
            run_spacing=12,
        ),
        ft.Semantics(live_region=True, identifier="showing", content=paragraph(problem or showing)),
        *notice(state),
        *at_a_glance(state, summary),
        heading(state.t("clinician.fit"), level=2),
        *fit_sections(state, summary, level=3),
        heading(state.t("clinician.talking_points"), level=2),
        *(
            ft.Semantics(identifier=f"point-{n}", content=ft.Text(f"• {point}"))
            for n, point in enumerate(talking_points(state.content, session, summary))
        ),
        heading(state.t("clinician.teach_back"), level=2),
        paragraph(state.t("clinician.teach_back_intro")),
        *(teach_back_item(state, item) for item in teach_back(state.content, session)),
        heading(state.t("clinician.notes_label"), level=2),
        paragraph(state.t("clinician.notes_help")),
        TextEntry(
            "clinician-notes",
            state.t("clinician.notes_label"),
            session.clinician_notes,
            for_answers=state.answers_key,
            on_text=lambda text: state.change_text(clinician_notes=text),
            **LONG_TEXT,
        ),
    ]
    return ft.Column(controls, spacing=14)
