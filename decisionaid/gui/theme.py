"""The one theme: colours, type sizes scaled by the person's text-size choice."""

from __future__ import annotations

import flet as ft

FONT_FAMILY = "Noto Sans"
FONTS = {FONT_FAMILY: "fonts/NotoSans-Regular.subset.ttf", "Noto Sans Bold": "fonts/NotoSans-Bold.subset.ttf"}
"""Shipped in assets/ (the PDF uses them too): the app never waits on a font download,
so text is laid out once with every glyph present."""

SEED = "#1F5F8B"  # a calm blue; contrast is checked by the Material 3 scheme
BASE_SIZES = {
    "display_small": 34,
    "headline_medium": 28,
    "headline_small": 24,
    "title_large": 22,
    "title_medium": 18,
    "body_large": 18,
    "body_medium": 16,
    "label_large": 16,
}


def text_theme(scale: float) -> ft.TextTheme:
    """Text styles at `scale` times our base sizes (Flet has no page-level text scale)."""
    return ft.TextTheme(**{name: ft.TextStyle(size=round(size * scale)) for name, size in BASE_SIZES.items()})


def build_theme(scale: float = 1.0, dark: bool = False) -> ft.Theme:
    """The app theme for light or dark mode."""
    return ft.Theme(
        color_scheme_seed=SEED,
        font_family=FONT_FAMILY,
        text_theme=text_theme(scale),
        visual_density=ft.VisualDensity.COMFORTABLE,
    )
