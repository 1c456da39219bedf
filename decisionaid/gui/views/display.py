"""Text size and colours: an app-level text scale (100% to 200%) and four themes."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.preferences import TEXT_SCALES, THEMES
from decisionaid.gui.controls import choice_row, heading, paragraph
from decisionaid.gui.state import use_app_state


def percent(scale: float) -> int:
    """1.25 -> 125."""
    return round(scale * 100)


@ft.component
def DisplaySettings():
    """Choices that apply at once, on every page, and are remembered on this device."""
    state = use_app_state()
    return ft.Column(
        [
            heading(state.t("step.display.title")),
            paragraph(state.t("display.intro")),
            heading(state.t("display.size_title"), level=2),
            choice_row(
                "text-size",
                [(percent(s), state.t("display.size", percent=percent(s))) for s in TEXT_SCALES],
                percent(state.display.text_scale),
                lambda value: state.set_display(text_scale=int(value) / 100),
                label=state.t("display.size_title"),
            ),
            paragraph(state.t("display.sample")),
            heading(state.t("display.theme_title"), level=2),
            choice_row(
                "theme",
                [(theme, state.t(f"display.theme.{theme}")) for theme in THEMES],
                state.display.theme,
                lambda value: state.set_display(theme=value),
                label=state.t("display.theme_title"),
            ),
            paragraph(state.t("display.saved")),
        ],
        spacing=16,
    )
