"""The welcome page: the decision, how long it takes, privacy, and where to start."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.controls import action_button, go, heading, paragraph
from decisionaid.gui.routes import JOURNEY
from decisionaid.gui.state import use_app_state


def notice(state) -> list[ft.Control]:
    """The one-time notice (e.g. an unreadable saved session), with a way to dismiss it."""
    if not state.notice:
        return []

    def dismiss() -> None:
        state.notice = None

    return [
        ft.Semantics(
            live_region=True,
            content=ft.Container(
                ft.Column(
                    [
                        paragraph(state.notice),
                        action_button("dismiss-notice", state.t("notice.dismiss"), dismiss),
                    ]
                ),
                padding=16,
                border=ft.Border.all(2, ft.Colors.ERROR),
                border_radius=8,
            ),
        )
    ]


def resume_buttons(state, page) -> list[ft.Control]:
    """'Carry on' and 'Start over' when there are saved answers."""
    if not state.resumable:
        return []

    def start_over() -> None:
        state.start_over()
        go(page, JOURNEY[1].path)

    return [
        action_button(
            "resume",
            state.t("welcome.resume"),
            lambda: go(page, state.session.last_route),
            primary=True,
            icon=ft.Icons.PLAY_ARROW,
        ),
        action_button("start-over", state.t("welcome.start_over"), start_over, icon=ft.Icons.RESTART_ALT),
    ]


@ft.component
def Welcome():
    """The first page: states the decision and offers the ways in."""
    state = use_app_state()
    page = ft.context.page
    first_step = JOURNEY[1].path
    return ft.Column(
        [
            heading(state.t("welcome.title")),
            paragraph(state.t("welcome.decision")),
            paragraph(state.t("welcome.how_long")),
            heading(state.t("welcome.steps_title"), level=2),
            paragraph(state.t("welcome.steps")),
            ft.Row(
                [
                    ft.Icon(ft.Icons.LOCK_OUTLINE, semantics_label=state.t("welcome.privacy")),
                    ft.Text(
                        state.t("welcome.privacy"), theme_style=ft.TextThemeStyle.BODY_LARGE, expand=True
                    ),
                ],
            ),
            paragraph(state.t("welcome.not_advice")),
            *notice(state),
            ft.Row(
                [
                    *resume_buttons(state, page),
                    *(
                        []
                        if state.resumable
                        else [
                            action_button(
                                "start",
                                state.t("welcome.start"),
                                lambda: go(page, first_step),
                                primary=True,
                                icon=ft.Icons.ARROW_FORWARD,
                            )
                        ]
                    ),
                    action_button(
                        "clinician",
                        state.t("welcome.clinician"),
                        lambda: go(page, "/clinician"),
                        icon=ft.Icons.MEDICAL_SERVICES_OUTLINED,
                    ),
                ],
                wrap=True,
                spacing=16,
            ),
        ],
        spacing=16,
    )
