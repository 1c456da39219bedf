"""The pictures: factor-level charts, doses a year and icon arrays of 100 people.

Drawn from plain containers sized by flex weights, so they fit any width from a
phone to a desktop and follow the theme's colours (light, dark, high contrast).
Each picture is one node for screen readers, labelled with its text equivalent,
and the same words can be opened under it for anyone who would rather read.
Colour never carries meaning alone: markers differ in shape, icon groups differ
in shape and sit in labelled blocks, and every bar has its numbers beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import flet as ft

from decisionaid.domain.figures import DoseChart, IconArrayView, LevelChart, LevelRow, LogScale, number
from decisionaid.gui import people_svg
from decisionaid.gui.controls import Fold, heading, text_node

WEIGHT = 1000  # flex weights are integers: positions are kept to 0.1% of the width
TRACK_HEIGHT = 22
MARKER = 14
COMPACT_AXIS_LINES = 3

MARKER_SHAPES = ("circle", "square", "diamond")
GROUP_ICONS = (ft.Icons.PERSON, ft.Icons.PERSON_OUTLINE, ft.Icons.ACCESSIBILITY_NEW, ft.Icons.EMOJI_PEOPLE)
"""One shape per group, by its place in the picture. None is a question mark: a shape given
by place means nothing itself, and a "?" read as "not known" on one picture (Hemgenix: not
described in our source) and as a result on another (Roctavian: below 3%) (persona walks)."""
GROUP_COLOURS = (ft.Colors.PRIMARY, ft.Colors.ON_SURFACE, ft.Colors.TERTIARY, ft.Colors.OUTLINE)


def _spans(parts: Sequence[tuple[float, ft.Control | None]]) -> ft.Control:
    """A row of pieces, each `fraction` of the width; None leaves that piece empty."""
    cells: list[ft.Control] = []
    for fraction, control in parts:
        weight = round(fraction * WEIGHT)
        if weight <= 0:
            continue
        cells.append(ft.Container(content=control, expand=weight, height=TRACK_HEIGHT))
    return ft.Row(cells, spacing=0, height=TRACK_HEIGHT)


def _at(position: float, control: ft.Control, width: float) -> ft.Control:
    """`control` (of `width` px) centred at `position` (0-1) along the row."""
    return ft.Row(
        [
            ft.Container(expand=max(round(position * WEIGHT), 1)),
            ft.Container(control, width=width, margin=ft.Margin.only(left=-width / 2)),
            ft.Container(expand=max(round((1 - position) * WEIGHT), 1)),
        ],
        spacing=0,
        height=TRACK_HEIGHT,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def marker(shape: str, colour: str = ft.Colors.PRIMARY) -> ft.Control:
    """A dot, a square or a diamond: each series has its own shape."""
    box = ft.Container(
        width=MARKER,
        height=MARKER,
        bgcolor=colour,
        border=ft.Border.all(2, ft.Colors.SURFACE),
        border_radius=MARKER / 2 if shape == "circle" else 0,
    )
    if shape == "diamond":
        box.rotate = ft.Rotate(angle=0.785398)
        box.width = box.height = MARKER - 2
    return box


def _band_layer(chart: LevelChart) -> ft.Control:
    """The goal bands, shaded behind every row."""
    scale = chart.scale
    parts: list[tuple[float, ft.Control | None]] = []
    cursor = 0.0
    for band in sorted(chart.goals, key=lambda b: b.low):
        start, end = scale.position(band.low), scale.position(band.high)
        parts.append((start - cursor, None))
        parts.append((end - start, ft.Container(bgcolor=ft.Colors.with_opacity(0.16, ft.Colors.PRIMARY))))
        cursor = end
    parts.append((1 - cursor, None))
    return _spans(parts)


def _row_layer(row: LevelRow, scale: LogScale, shape: str) -> list[ft.Control]:
    """The range bar (and whiskers) and the marker for one row."""
    layers: list[ft.Control] = []
    if row.low is not None and row.high is not None and row.high > row.low:
        start, end = scale.position(row.low), scale.position(row.high)
        bar = ft.Container(
            bgcolor=ft.Colors.with_opacity(0.55 if row.value is None else 0.3, ft.Colors.PRIMARY),
            border=ft.Border.all(1, ft.Colors.PRIMARY),
            border_radius=4,
            margin=ft.Margin.symmetric(vertical=4 if row.value is None else 7),
        )
        layers.append(_spans([(start, None), (end - start, bar), (1 - end, None)]))
    point = row.value
    if point is None and row.low is not None and row.low == row.high:
        point = row.low
    if point is not None:
        layers.append(_at(scale.position(point), marker(shape), MARKER))
    return layers


def _tick_label(position: float, text: str) -> ft.Control:
    """A tick label at `position` (0-1), aligned so that the same fraction of the label sits
    on its tick: centred in the middle, starting at the tick at the left end and ending at it
    at the right end. So it always stays inside the chart, whatever the text size (centred
    in a fixed box, "100%" was cut to "10(" at 200% text)."""
    return ft.Container(
        ft.Text(text, theme_style=ft.TextThemeStyle.LABEL_MEDIUM, no_wrap=True),
        alignment=ft.Alignment(2 * position - 1, 0),
    )


def _axis(chart: LevelChart, compact: bool) -> ft.Control:
    """Tick labels (1%, 5%, 15%, 40%, 100%) under the rows. `compact` (a phone, large text):
    the labels take turns on three lines, so labels on one line are three ticks apart; on
    one line they overlapped at 390 px and 200% text ("15' 40' 10(", persona walks), and
    on two, "15%" and "100%" still touched."""
    scale = chart.scale
    labels = [(scale.position(tick), f"{number(tick)}%") for tick in scale.ticks]
    lines = [labels[n::COMPACT_AXIS_LINES] for n in range(COMPACT_AXIS_LINES)] if compact else [labels]
    return ft.Column(
        [ft.Stack([_tick_label(at, text) for at, text in line]) for line in lines if line],
        spacing=0,
    )


def _severity_legend(chart: LevelChart) -> ft.Control:
    """The severity bands in words, one a line: on a phone or at large text the band names
    did not fit their stretches of the scale ("S", "Mod", "Witho...")."""
    return ft.Column(
        [
            text_node(band.words, theme_style=ft.TextThemeStyle.BODY_MEDIUM)
            for band in sorted(chart.severity, key=lambda b: b.low)
        ],
        spacing=2,
    )


def _severity_strip(chart: LevelChart, labelled: bool = True) -> ft.Control:
    """Severe, moderate, mild and usual levels as stretches of the scale, labelled unless
    the labels would not fit (then _severity_legend says them under it)."""
    scale = chart.scale
    parts: list[tuple[float, ft.Control | None]] = []
    cursor = 0.0
    for band in sorted(chart.severity, key=lambda b: b.low):
        start, end = scale.position(band.low), scale.position(band.high)
        parts.append((start - cursor, None))
        parts.append(
            (
                end - start,
                ft.Container(
                    None
                    if not labelled
                    else ft.Text(
                        band.label,
                        theme_style=ft.TextThemeStyle.LABEL_MEDIUM,
                        max_lines=1,
                        overflow=ft.TextOverflow.ELLIPSIS,
                        text_align=ft.TextAlign.CENTER,
                    ),
                    border=ft.Border.only(top=ft.BorderSide(2, ft.Colors.OUTLINE)),
                    alignment=ft.Alignment.CENTER,
                ),
            )
        )
        cursor = end
    parts.append((1 - cursor, None))
    return _spans(parts)


def words_fold(title: str, words: str, identifier: str) -> ft.Control:
    """The text equivalent, folded under the picture."""
    return Fold(identifier, title, [ft.Text(line) for line in words.split("\n") if line.strip()])


def _figure(
    identifier: str,
    title: str,
    caption: str,
    picture: ft.Control,
    words: str,
    words_title: str,
    level: int = 2,
):
    """Title (a heading at `level`: 2 on a page, 3 inside a card with its own heading),
    caption, the picture as one labelled image node, and its words folded under it."""
    return ft.Container(
        ft.Column(
            [
                heading(title, level=level),
                text_node(caption, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                ft.Semantics(
                    identifier=identifier,
                    image=True,
                    label=words,
                    exclude_semantics=True,
                    container=True,
                    content=picture,
                ),
                words_fold(words_title, words, f"{identifier}-words"),
            ],
            spacing=10,
        ),
        padding=16,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
    )


def level_chart(identifier: str, chart: LevelChart, words_title: str, compact: bool = False) -> ft.Control:
    """Rows of factor levels on one log scale, with the goal bands behind and severity under.
    `compact`: for a phone or large text, where the axis and band labels need more room."""
    shapes: dict[str, str] = {}
    rows: list[ft.Control] = []
    for row in chart.rows:
        shape = shapes.setdefault(row.series, MARKER_SHAPES[len(shapes) % len(MARKER_SHAPES)])
        span = (
            f"{number(row.value)}%"
            if row.value is not None
            else f"{number(row.low)}%–{number(row.high)}%"
            if row.low is not None and row.high is not None and row.high > row.low
            else f"{number(row.low)}%"
            if row.low is not None
            else ""
        )
        rows.append(
            ft.Column(
                [
                    ft.Row(
                        [
                            *([marker(shape)] if row.value is not None else []),
                            ft.Text(row.label, weight=ft.FontWeight.W_600, expand=True),
                            ft.Text(span),
                        ],
                        spacing=8,
                    ),
                    ft.Stack(
                        [_band_layer(chart), *_row_layer(row, chart.scale, shape)],
                        height=TRACK_HEIGHT,
                    ),
                ],
                spacing=2,
            )
        )
    legend = ft.Row(
        [
            ft.Container(width=28, height=14, bgcolor=ft.Colors.with_opacity(0.16, ft.Colors.PRIMARY)),
            ft.Text(
                " · ".join(band.label for band in chart.goals),
                theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                expand=True,
            ),
        ],
        spacing=8,
    )
    # The legend of the shaded aims only when there are aims: an empty one was a stray box.
    picture = ft.Column(
        [
            *([legend] if chart.goals else []),
            *rows,
            _axis(chart, compact),
            _severity_strip(chart, labelled=not compact),
            *([_severity_legend(chart)] if compact else []),
        ],
        spacing=10,
    )
    return _figure(identifier, chart.title, chart.caption, picture, chart.words, words_title)


def dose_chart(identifier: str, chart: DoseChart, words_title: str, once: str) -> ft.Control:
    """Doses a year as bars from zero, the range lighter, the numbers beside each bar."""
    rows: list[ft.Control] = []
    for row in chart.rows:
        if row.high == 0:
            amount = once
        elif row.low == row.high:
            amount = number(row.high)
        else:
            amount = f"{number(row.low)}–{number(row.high)}"
        low, high = row.low / chart.max_value, row.high / chart.max_value
        bar = _spans(
            [
                (low, ft.Container(bgcolor=ft.Colors.PRIMARY, border_radius=3)),
                (
                    high - low,
                    ft.Container(
                        bgcolor=ft.Colors.with_opacity(0.3, ft.Colors.PRIMARY),
                        border=ft.Border.all(1, ft.Colors.PRIMARY),
                        border_radius=3,
                    ),
                ),
                (1 - high, None),
            ]
        )
        if row.high == 0:
            bar = _at(0.0, marker("diamond"), MARKER)
        rows.append(
            ft.Column(
                [
                    ft.Row(
                        [ft.Text(row.label, weight=ft.FontWeight.W_600, expand=True), ft.Text(amount)],
                        spacing=8,
                    ),
                    bar,
                ],
                spacing=2,
            )
        )
    picture = ft.Column(rows, spacing=10)
    return _figure(identifier, chart.title, chart.caption, picture, chart.words, words_title)


def icon_array(
    view: IconArrayView, caption: str, words_title: str, group_text: Callable[[int, str], str], level: int = 2
) -> ft.Control:
    """100 people in rows of 10, each group a labelled block of its own shape.

    Each group is one SVG picture of its people (people_svg), tinted with the group's theme
    colour, the pictures laid over one another: a handful of controls, not 100 icons."""
    layers: list[ft.Control] = []
    legend: list[ft.Control] = []
    start = 0
    for index, (count, label) in enumerate(view.groups):
        colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
        if count:
            layers.append(_people(people_svg.group_svg(index, start, count), people_svg.SIDE, colour))
        start += count
        legend.append(
            ft.Row(
                [
                    _people(people_svg.glyph(index), people_svg.ICON, colour),
                    ft.Text(group_text(count, label), expand=True),
                ],
                spacing=8,
            )
        )
    grid = ft.Stack(layers, width=people_svg.SIDE, height=people_svg.SIDE)
    picture = ft.ResponsiveRow(
        [
            ft.Container(grid, col={"xs": 12, "sm": 5}),
            ft.Column(legend, spacing=6, col={"xs": 12, "sm": 7}),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
    return _figure(
        f"icons-{view.id}",
        view.title,
        caption,
        picture,
        view.words,
        words_title,
        level,
    )


def _people(svg: str, side: int, colour: str) -> ft.Control:
    """An SVG of people, drawn in `colour` (a theme colour, so it follows the theme)."""
    return ft.Image(
        src=svg,
        width=side,
        height=side,
        color=colour,
        color_blend_mode=ft.BlendMode.SRC_IN,
        exclude_from_semantics=True,
    )
