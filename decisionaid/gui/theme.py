"""The themes (light, dark, high contrast) and type sizes scaled by the person's text size.

Every colour pair text is drawn in is set here, not left to a generated scheme,
so tests/gui/test_theme.py can check WCAG 2.2 AA contrast for each theme.
"""

from __future__ import annotations

import flet as ft

from decisionaid.domain.preferences import Display

FONT_FAMILY = "Noto Sans"
FALLBACK_FAMILY = "DejaVu Sans"
FONTS = {
    FONT_FAMILY: "fonts/NotoSans-Regular.subset.ttf",
    "Noto Sans Bold": "fonts/NotoSans-Bold.subset.ttf",
    FALLBACK_FAMILY: "fonts/DejaVuSans.fallback.ttf",
}
"""Shipped in assets/ (the PDF uses them too): the app never waits on a font download,
so text is laid out once with every glyph present."""
FALLBACKS = [FALLBACK_FAMILY]
"""For what Noto Sans lacks, e.g. Arabic or Hebrew typed into a note. Flutter would fetch
fallback fonts from Google's servers; the app makes no network calls, so without this
such text shows as empty boxes (seen in Chromium)."""

SEED = "#1F5F8B"  # a calm blue
BASE_SIZES = {
    "display_small": 34,
    "headline_medium": 28,
    "headline_small": 24,
    "title_large": 22,
    "title_medium": 18,
    # The compare grid's column headings (a DataTable's heading style): without it they
    # stayed at about 14 px when the text was set to 200% (audit D18).
    "title_small": 16,
    "body_large": 18,
    "body_medium": 16,
    "body_small": 14,
    "label_large": 16,
    "label_medium": 14,
}

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "primary": "#1F5F8B",
        "on_primary": "#FFFFFF",
        "primary_container": "#CDE5FF",
        "on_primary_container": "#001D32",
        "secondary": "#4F6071",
        "on_secondary": "#FFFFFF",
        "secondary_container": "#D3E4F5",
        "on_secondary_container": "#0E2A3F",
        "error": "#B3261E",
        "on_error": "#FFFFFF",
        "error_container": "#FFDAD6",
        "on_error_container": "#410002",
        "surface": "#FBFCFE",
        "on_surface": "#1A1C1E",
        "on_surface_variant": "#42474E",
        "surface_container_lowest": "#FFFFFF",
        "surface_container_low": "#F3F4F7",
        "surface_container": "#EDEEF1",
        "surface_container_high": "#E7E8EB",
        "surface_container_highest": "#E1E2E5",
        "outline": "#6F7680",
        "outline_variant": "#C2C7CF",
    },
    "dark": {
        "primary": "#9ACBFA",
        "on_primary": "#003352",
        "primary_container": "#0F4A73",
        "on_primary_container": "#CDE5FF",
        "secondary": "#B7C8DA",
        "on_secondary": "#21323F",
        "secondary_container": "#37495A",
        "on_secondary_container": "#D3E4F5",
        "error": "#FFB4AB",
        "on_error": "#690005",
        "error_container": "#93000A",
        "on_error_container": "#FFDAD6",
        "surface": "#111418",
        "on_surface": "#E2E2E6",
        "on_surface_variant": "#C3C7CE",
        "surface_container_lowest": "#0C0E12",
        "surface_container_low": "#191C20",
        "surface_container": "#1D2024",
        "surface_container_high": "#272A2F",
        "surface_container_highest": "#32353A",
        "outline": "#8D9199",
        "outline_variant": "#42474E",
    },
    "contrast": {
        "primary": "#002A4D",
        "on_primary": "#FFFFFF",
        "primary_container": "#002A4D",
        "on_primary_container": "#FFFFFF",
        "secondary": "#1A1A1A",
        "on_secondary": "#FFFFFF",
        "secondary_container": "#002A4D",
        "on_secondary_container": "#FFFFFF",
        "error": "#8C0009",
        "on_error": "#FFFFFF",
        "error_container": "#8C0009",
        "on_error_container": "#FFFFFF",
        "surface": "#FFFFFF",
        "on_surface": "#000000",
        "on_surface_variant": "#1A1A1A",
        "surface_container_lowest": "#FFFFFF",
        "surface_container_low": "#FFFFFF",
        "surface_container": "#FFFFFF",
        "surface_container_high": "#FFFFFF",
        "surface_container_highest": "#FFFFFF",
        "outline": "#000000",
        "outline_variant": "#000000",
    },
}
"""Text pairs reach 4.5:1 (7:1 in high contrast) and outlines 3:1 against every surface."""

TEXT_PAIRS = (
    ("on_surface", "surface"),
    ("on_surface_variant", "surface"),
    ("primary", "surface"),
    ("error", "surface"),
    ("on_primary", "primary"),
    ("on_primary_container", "primary_container"),
    ("on_secondary_container", "secondary_container"),
    ("on_error", "error"),
    ("on_error_container", "error_container"),
    *(("on_surface", f"surface_container{tier}") for tier in ("_lowest", "_low", "", "_high", "_highest")),
)
OUTLINE_PAIRS = (("outline", "surface"), ("primary", "surface_container_highest"))
FOCUS_PAIRS = (("primary", "surface"), ("on_primary", "primary"))
"""A radio or checkbox with keyboard focus: a solid halo in the primary colour on the page,
and the control drawn on it in on_primary. Both reach 3:1 (WCAG 1.4.11, 2.4.13)."""

FOLD_FOCUS: dict[str, dict[str, str]] = {
    "light": {"tint": "#638DAB", "text": "#1A1C1E"},
    "dark": {"tint": "#2573AD", "text": "#FFFFFF"},
    "contrast": {"tint": "#1F89D6", "text": "#000000"},
}
"""A fold (ExpansionTile) with keyboard focus: its header is filled with a solid tint that
differs from the page and from a card by 3:1 or more, and the header's title, subtitle and
icons are drawn in `text`, at 4.5:1 or more on the tint and on the page.

Flutter's ExpansionTile shows focus only as ThemeData.focus_color over its header and has no
focus state for its text, so the text colour must suit both. The window is narrow: the old
24% primary tint was 1.4:1 (light), 1.7:1 (dark), 1.6:1 (high contrast) (audit D9), and a tint
dark enough for 3:1 put the grey subtitle (on_surface_variant) below 4.5:1. Hence the header
text is on_surface in light, white in dark (on_surface #E2E2E6 leaves no tint that reaches
3:1 on a dark card and 4.5:1 under it) and black in high contrast (5.6:1 there, not the 7:1
the rest of that theme's text aims for: no tint reaches 3:1 on white and 7:1 under black)."""


def fold_theme(palette: str) -> ft.ExpansionTileTheme:
    """Fold headers drawn in the one colour that reads on the page and on the focus tint."""
    text = FOLD_FOCUS[palette]["text"]
    return ft.ExpansionTileTheme(
        text_color=text, collapsed_text_color=text, icon_color=text, collapsed_icon_color=text
    )


def focus_states(colours: dict[str, str]) -> tuple[ft.RadioTheme, ft.CheckboxTheme]:
    """Radios and checkboxes that show keyboard focus at 3:1 or more in every theme.

    Flutter's own halo is the primary colour at 10% (1.16:1 on the light page, 1.22:1 in
    dark: audit D9), and ThemeData.focus_color does not reach it. The halo is solid
    primary; on it the ring, dot, box and tick turn to on_primary (the tick to primary on
    an on_primary box), so the answer still shows while the control has focus. State
    order matters: Flet resolves the first state that applies."""
    focused, selected = ft.ControlState.FOCUSED, ft.ControlState.SELECTED
    halo = {focused: colours["primary"]}
    radio = ft.RadioTheme(
        overlay_color=halo,
        fill_color={
            focused: colours["on_primary"],
            selected: colours["primary"],
            ft.ControlState.DEFAULT: colours["on_surface_variant"],
        },
    )
    checkbox = ft.CheckboxTheme(
        overlay_color=halo,
        # No default: an unticked box stays unfilled (Flutter's own default) until focused.
        fill_color={focused: colours["on_primary"], selected: colours["primary"]},
        check_color={focused: colours["primary"], ft.ControlState.DEFAULT: colours["on_primary"]},
    )
    return radio, checkbox


def text_theme(scale: float, palette: str = "light") -> ft.TextTheme:
    """Text styles at `scale` times our base sizes (Flet has no page-level text scale), in the
    palette's text colour.

    The colour must be given: Flet replaces each style of the theme's text theme whole, so a
    style without a colour loses the dark theme's light text and falls back to black (seen in
    Chromium: black text on the dark background)."""
    colour = PALETTES[palette]["on_surface"]
    return ft.TextTheme(
        **{
            name: ft.TextStyle(size=round(size * scale), color=colour, font_family_fallback=FALLBACKS)
            for name, size in BASE_SIZES.items()
        }
    )


def build_theme(scale: float = 1.0, palette: str = "light") -> ft.Theme:
    """The app theme with one palette and the text at `scale` (1.0 to 2.0)."""
    colours = PALETTES[palette]
    radio, checkbox = focus_states(colours)
    return ft.Theme(
        color_scheme_seed=SEED,
        color_scheme=ft.ColorScheme(**colours),
        font_family=FONT_FAMILY,
        text_theme=text_theme(scale, palette),
        visual_density=ft.VisualDensity.COMFORTABLE,
        # Reaches the folds' headers (and any other ink well); radios and checkboxes have
        # their own halo above.
        focus_color=FOLD_FOCUS[palette]["tint"],
        expansion_tile_theme=fold_theme(palette),
        divider_color=colours["outline_variant"],
        radio_theme=radio,
        checkbox_theme=checkbox,
    )


def apply_display(page: ft.Page, display: Display) -> None:
    """Set the page's themes and mode from the person's display settings."""
    if display.theme == "contrast":
        page.theme = page.dark_theme = build_theme(display.text_scale, "contrast")
        page.theme_mode = ft.ThemeMode.LIGHT
        return
    page.theme = build_theme(display.text_scale, "light")
    page.dark_theme = build_theme(display.text_scale, "dark")
    page.theme_mode = {
        "light": ft.ThemeMode.LIGHT,
        "dark": ft.ThemeMode.DARK,
    }.get(display.theme, ft.ThemeMode.SYSTEM)
