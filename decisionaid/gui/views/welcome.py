"""The welcome page: the decision, how long it takes, privacy, and where to start."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.controls import action_button, heading, paragraph
from decisionaid.gui.routes import JOURNEY
from decisionaid.gui.state import use_app_state


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
            ft.Row(
                [
                    action_button(
                        "start",
                        state.t("welcome.start"),
                        lambda: page.navigate(first_step),
                        primary=True,
                        icon=ft.Icons.ARROW_FORWARD,
                    ),
                    action_button(
                        "clinician",
                        state.t("welcome.clinician"),
                        lambda: page.navigate("/clinician"),
                        icon=ft.Icons.MEDICAL_SERVICES_OUTLINED,
                    ),
                ],
                wrap=True,
                spacing=16,
            ),
        ],
        spacing=16,
    )
