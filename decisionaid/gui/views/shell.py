"""The frame around every page: title bar, progress, the page, Back and Next."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.controls import action_button, go, meter
from decisionaid.gui.routes import ASIDE, JOURNEY, journey_index, neighbours
from decisionaid.gui.state import use_app_state
from decisionaid.gui.views.saving import SaveStatus

GLOSSARY_PATH = "/glossary"
GLOSSARY_ICON = ft.Icons.LIBRARY_BOOKS_OUTLINED
"""Here, not in the glossary's own module: the header is on every page, and the page
itself is imported only when first shown (app.DEFERRED)."""

MAX_READING_WIDTH = 820
WIDE_PAGES = {"/compare": 1400}
"""Pages that show options side by side get the width of a desktop window."""


def _title_key(path: str) -> str:
    for step in (*JOURNEY, *ASIDE):
        if step.path == path:
            return step.title_key
    return "app.short_title"


def _progress(state, index: int) -> ft.Control:
    total = len(JOURNEY) - 1  # the welcome page is not a step
    text = state.t("nav.progress", step=index, total=total, title=state.t(JOURNEY[index].title_key))
    return ft.Column(
        [
            ft.Text(text, theme_style=ft.TextThemeStyle.LABEL_LARGE),
            meter(index / total, 8, state.t("nav.progress_label", step=index, total=total)),
        ],
        spacing=6,
    )


def _aside_buttons(state, page, path: str) -> list[ft.Control]:
    """Text size and colours, Words explained, and About: on every page but their own."""
    short = "_short" if state.narrow else ""  # on a phone the short words take less room
    asides = (
        ("nav-display", "/display", state.t(f"nav.display{short}"), ft.Icons.FORMAT_SIZE),
        ("nav-glossary", GLOSSARY_PATH, state.t(f"nav.glossary{short}"), GLOSSARY_ICON),
        ("nav-about", "/about", state.t(f"nav.about{short}"), ft.Icons.INFO_OUTLINE),
    )
    return [
        action_button(identifier, label, lambda to=to: go(page, to), icon=icon)
        for identifier, to, label, icon in asides
        if to != path
    ]


@ft.component
def Shell():
    """Layout route: wraps whichever page the router matched."""
    state = use_app_state()
    page = ft.context.page
    outlet = ft.use_route_outlet()
    path = ft.use_route_location() or "/"
    index = journey_index(path)
    ft.use_effect(lambda: state.arrived(path), dependencies=[path])

    before, after = neighbours(path)
    footer: list[ft.Control] = []
    if index is None:
        footer.append(action_button("back", state.t("nav.back"), lambda: go(page, state.last_journey_path)))
    elif index > 0:
        if before is not None:
            footer.append(action_button("back", state.t("nav.back"), lambda: go(page, before.path)))
        if after is not None:
            footer.append(
                action_button("next", state.t("nav.next"), lambda: go(page, after.path), primary=True)
            )

    header: list[ft.Control] = []
    if index is not None and index > 0:
        header.append(_progress(state, index))

    title_bar = ft.ResponsiveRow(
        [
            ft.Text(
                state.t(_title_key(path)),
                theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                weight=ft.FontWeight.W_600,
                col=12,
            ),
            ft.Row(
                _aside_buttons(state, page, path),
                wrap=True,
                spacing=8,
                run_spacing=8,
                alignment=ft.MainAxisAlignment.END,
                # A line of its own at every width: three buttons with their words did not
                # fit beside the title in the 820 px reading column (they wrapped to two lines).
                col=12,
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        run_spacing=8,
    )
    # One scrolling column in reading order: title bar, progress, the page, Back and Next.
    # Flutter moves keyboard focus in reading order by position on screen, so a bar fixed
    # below a scrolling page would be reached between its questions; at the end of the page
    # it comes after them, and a phone keeps its whole height for the page.
    parts = [title_bar, ft.Divider(height=1), SaveStatus(), *header, outlet]
    if footer:
        parts += [
            ft.Divider(height=1),
            ft.Row(footer, alignment=ft.MainAxisAlignment.SPACE_BETWEEN, wrap=True),
        ]
    column = ft.Column(parts, spacing=24)
    return ft.SafeArea(
        expand=True,
        content=ft.Column(
            [
                ft.Container(
                    content=ft.Container(
                        content=column,
                        width=WIDE_PAGES.get(path, MAX_READING_WIDTH),
                        padding=ft.Padding.symmetric(vertical=8),
                    ),
                    alignment=ft.Alignment.TOP_CENTER,
                )
            ],
            scroll=ft.ScrollMode.AUTO,
            expand=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
            key=f"page:{path}",  # a new page starts at its top, not where the last one was left
        ),
    )
