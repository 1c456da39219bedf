"""A page whose screen is not built yet: its title and what it will hold."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.controls import heading, paragraph
from decisionaid.gui.state import use_app_state


def coming(key: str):
    """A component for the step `key` that says what the finished page will do."""

    @ft.component
    def Coming():
        state = use_app_state()
        return ft.Column(
            [
                heading(state.t(f"step.{key}.title")),
                paragraph(state.t("step.not_ready")),
                paragraph(state.t(f"step.{key}.soon")),
            ],
            spacing=16,
        )

    Coming.__name__ = f"Coming_{key}"
    return Coming
