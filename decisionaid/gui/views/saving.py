"""Saving to a file the person chooses, and the banner that says when the device cannot save."""

from __future__ import annotations

import asyncio

import flet as ft

from decisionaid.gui.controls import action_button, paragraph
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.storage import session_json

ANSWERS_FILE = "decisionaid-session.json"


async def offer_file(name: str, data: bytes) -> bool:
    """Offer a file to save (a download in a browser); False if the person closed the dialog."""
    path = await ft.FilePicker().save_file(file_name=name, src_bytes=data)
    return path is not None or ft.context.page.web


async def save(state: AppState, name: str, data: bytes) -> None:
    """Offer the file to save and say where it went (the summary page shows it)."""
    if await offer_file(name, data):
        state.notice = state.t("summary_page.saved", name=name)


async def answers_file(state: AppState) -> bytes:
    """The answers as a session file, one that opens again in the app."""
    return (await asyncio.to_thread(session_json, state.session)).encode("utf-8")


def _box(identifier: str, parts: list[ft.Control], colour: str) -> ft.Control:
    """A framed message that a screen reader announces when it appears or changes."""
    return ft.Semantics(
        identifier=identifier,
        live_region=True,
        container=True,
        content=ft.Container(
            ft.Column(parts, spacing=8),
            padding=16,
            border=ft.Border.all(2, colour),
            border_radius=8,
        ),
    )


@ft.component
def SaveStatus():
    """On every page: that the answers cannot be saved (with a way to save them to a file),
    and that answers from another window were merged into this one."""
    state = use_app_state()
    saved_as, set_saved_as = ft.use_state(None)

    web = ft.context.page.web

    # Flutter on the web does not read out a live region when it appears (seen in Chromium:
    # nothing reaches the page's aria-live element), so there each new message is handed to
    # the screen reader directly, and a problem found on arrival once more at his first
    # change (AppState.save_problem_retold). Phones and desktops read the live region itself.
    async def announce_problem() -> None:
        if web and state.save_problem:
            await ft.SemanticsService().announce_message(state.save_problem)

    async def announce_merge() -> None:
        if web and state.merge_note:
            await ft.SemanticsService().announce_message(state.merge_note)

    ft.use_effect(announce_problem, dependencies=[state.save_problem, state.save_problem_retold])
    ft.use_effect(announce_merge, dependencies=[state.merge_note])
    boxes: list[ft.Control] = []
    if state.save_problem:

        async def save_file() -> None:
            if await offer_file(ANSWERS_FILE, await answers_file(state)):
                set_saved_as(state.t("summary_page.saved", name=ANSWERS_FILE))

        boxes.append(
            _box(
                "cannot-save",
                [
                    paragraph(state.save_problem),
                    action_button(
                        "save-answers-file",
                        state.t("summary_page.save_session"),
                        save_file,
                        primary=True,
                        icon=ft.Icons.SAVE_ALT,
                    ),
                    *([paragraph(saved_as)] if saved_as else []),
                ],
                ft.Colors.ERROR,
            )
        )
    if state.merge_note:

        def dismiss() -> None:
            state.merge_note = None

        boxes.append(
            _box(
                "merged",
                [
                    paragraph(state.merge_note),
                    action_button("dismiss-merged", state.t("notice.dismiss"), dismiss),
                ],
                ft.Colors.PRIMARY,
            )
        )
    return ft.Column(boxes, spacing=12, visible=bool(boxes))
