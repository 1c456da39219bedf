"""The fit's pictures: a band from low to high with its best estimate, and the alignment grid.

Both are drawn from plain containers sized by flex weights, so they fit a phone
and a desktop and follow the theme. Colour never carries meaning alone: a band
has its interval in words beside it, and each grid cell has a shape (filled,
half or empty circle) and a word. A screen reader reads the grid row by row, a
text per cell ("Hemgenix, How often you treat: good").
"""

from __future__ import annotations

import flet as ft

from decisionaid.domain.fit_summary import FitCell, FitLine
from decisionaid.gui.controls import text_node

WEIGHT = 10  # flex weight per point of fit (0-100)
GAP = 8
MIN_COLUMN, MAX_COLUMN = 84, 132  # px: a grid column holds a shape and "mixed" at the least
BAND_HEIGHT = 20
MARK_WIDTH = 4

ALIGNMENT_ICONS = {
    "good": ft.Icons.CIRCLE,
    "mixed": ft.Icons.CONTRAST,
    "poor": ft.Icons.CIRCLE_OUTLINED,
    "same": ft.Icons.REMOVE,
}
"""A filled, a half and an empty circle (and a dash where all options are alike): the shape
says it as well as the word."""


def _part(points: float, **style) -> ft.Control | None:
    weight = round(points * WEIGHT)
    return ft.Container(expand=weight, height=BAND_HEIGHT, **style) if weight > 0 else None


def band_bar(line: FitLine, spoken: str) -> ft.Control:
    """A track from 0 to 100 with the interval filled from low to high and a mark at the best estimate."""
    parts = [
        _part(line.low),
        _part(line.fit - line.low, bgcolor=ft.Colors.PRIMARY),
        ft.Container(
            width=MARK_WIDTH,
            height=BAND_HEIGHT,
            bgcolor=ft.Colors.ON_SURFACE,
            border=ft.Border.symmetric(horizontal=ft.BorderSide(1, ft.Colors.SURFACE)),
        ),
        _part(line.high - line.fit, bgcolor=ft.Colors.PRIMARY),
        _part(100 - line.high),
    ]
    track = ft.Container(
        ft.Row([p for p in parts if p is not None], spacing=0, height=BAND_HEIGHT),
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=4,
    )
    return ft.Semantics(
        identifier=f"band-{line.option_id}",
        image=True,
        label=spoken,
        exclude_semantics=True,
        container=True,
        content=track,
    )


def cell_view(cell: FitCell, identifier: str, width: float | None = None) -> ft.Control:
    """One grid cell: its shape and its word, read as one text naming option and priority."""
    return ft.Semantics(
        identifier=identifier,
        label=cell.spoken,
        exclude_semantics=True,
        container=True,
        content=ft.Container(
            ft.Row(
                [
                    ft.Icon(ALIGNMENT_ICONS[cell.alignment], color=ft.Colors.PRIMARY, size=20),
                    # The word wraps within its column ("the same for all" is wider than one).
                    ft.Text(cell.word, expand=True),
                ],
                spacing=6,
            ),
            width=width,
        ),
    )


def column_header(line: FitLine, uses_now: str, crosses: str, width: float) -> ft.Control:
    """An option's name over its grid column, and under it, when it crosses a limit the person
    chose, a warning icon and the words (not colour alone)."""
    name = text_node(
        f"{line.option} ({uses_now})" if line.uses_now else line.option, weight=ft.FontWeight.W_600
    )
    parts: list[ft.Control] = [name]
    if line.limits_crossed:
        parts.append(
            ft.Row(
                [
                    ft.Icon(ft.Icons.WARNING_AMBER, size=16, semantics_label=""),
                    ft.Container(text_node(crosses), expand=True),
                ],
                spacing=4,
                vertical_alignment=ft.CrossAxisAlignment.START,
            )
        )
    return ft.Semantics(
        identifier=f"column-{line.option_id}",
        container=True,
        content=ft.Container(ft.Column(parts, spacing=2), width=width),
    )


def alignment_grid(
    priorities: tuple[str, ...],
    fits: tuple[FitLine, ...],
    corner: str,
    uses_now: str,
    crosses: str,
    room: float,
) -> ft.Control:
    """Rows are the person's priorities, columns the options in their fixed order, as wide as
    `room` allows; where even the narrowest columns do not fit (a phone), the grid scrolls
    sideways rather than squeezing the words."""
    name_width = 112 if room < 500 else 150
    spare = (room - name_width) / max(len(fits), 1) - GAP
    column_width = max(MIN_COLUMN, min(MAX_COLUMN, spare))
    header = ft.Row(
        [
            ft.Container(ft.Text(corner, weight=ft.FontWeight.W_600), width=name_width),
            *(column_header(line, uses_now, crosses, column_width) for line in fits),
        ],
        vertical_alignment=ft.CrossAxisAlignment.END,
        spacing=GAP,
    )
    rows: list[ft.Control] = [header, ft.Divider(height=1)]
    for index, priority in enumerate(priorities):
        cells = [
            cell_view(line.cells[index], f"cell-{line.option_id}-{index}", column_width)
            for line in fits
            if index < len(line.cells)
        ]
        rows.append(
            ft.Row(
                [ft.Container(text_node(priority), width=name_width), *cells],
                spacing=GAP,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            )
        )
        rows.append(ft.Divider(height=1))
    return ft.Row([ft.Column(rows, spacing=6)], scroll=ft.ScrollMode.AUTO)
