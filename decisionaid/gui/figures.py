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

from decisionaid.domain.content import Content
from decisionaid.domain.figures import (
    DoseChart,
    IconArrayView,
    LevelChart,
    LevelRow,
    Scale,
    factor_level_chart,
    number,
)
from decisionaid.gui import people_svg
from decisionaid.gui.controls import Fold, heading, text_node

WEIGHT = 1000  # flex weights are integers: positions are kept to 0.1% of the width
TRACK_HEIGHT = 22
MARKER = 14
COMPACT_AXIS_LINES = 3

MARKER_SHAPES = ("circle", "square", "diamond")
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
    """The goal bands (aims), behind every row, in the look of an aim in the legend."""
    scale = chart.scale
    parts: list[tuple[float, ft.Control | None]] = []
    cursor = 0.0
    for band in sorted(chart.goals, key=lambda b: b.low):
        start, end = scale.position(band.low), scale.position(band.high)
        parts.append((start - cursor, None))
        parts.append((end - start, _kind_bar("aim")))
        cursor = end
    parts.append((1 - cursor, None))
    return _spans(parts)


def _kind_bar(kind: str, has_value: bool = False) -> ft.Container:
    """A range bar in the look of its kind: a trial result is a solid bar, an estimate an
    empty one with a thick edge, an aim a faint band with a double edge. The row's words
    name the kind too, so the look never carries it alone."""
    if kind == "aim":
        return ft.Container(
            bgcolor=ft.Colors.with_opacity(0.12, ft.Colors.PRIMARY),
            border=ft.Border.symmetric(vertical=ft.BorderSide(4, ft.Colors.OUTLINE)),
            margin=ft.Margin.symmetric(vertical=2),
        )
    if kind == "estimate":
        return ft.Container(
            bgcolor=ft.Colors.SURFACE,
            border=ft.Border.all(2, ft.Colors.PRIMARY),
            border_radius=4,
            margin=ft.Margin.symmetric(vertical=5),
        )
    return ft.Container(
        bgcolor=ft.Colors.with_opacity(0.55 if not has_value else 0.3, ft.Colors.PRIMARY),
        border=ft.Border.all(1, ft.Colors.PRIMARY),
        border_radius=4,
        margin=ft.Margin.symmetric(vertical=4 if not has_value else 7),
    )


def kind_marker(kind: str, shape: str) -> ft.Control:
    """The marker of a single value: filled for a trial result, hollow for an estimate."""
    if kind == "measured":
        return marker(shape)
    box = marker("diamond" if kind == "estimate" else "square", ft.Colors.SURFACE)
    box.border = ft.Border.all(3, ft.Colors.PRIMARY)
    return box


def no_response_mark() -> ft.Control:
    """A cross at 0%: the men who made no factor at all."""
    return ft.Icon(ft.Icons.CLOSE, size=MARKER + 4, color=ft.Colors.ON_SURFACE)


def _row_layer(row: LevelRow, scale: Scale, shape: str) -> list[ft.Control]:
    """The range bar (and whiskers) and the marker for one row."""
    layers: list[ft.Control] = []
    if row.low is not None and row.high is not None and row.high > row.low:
        start, end = scale.position(row.low), scale.position(row.high)
        bar = _kind_bar(row.kind, row.value is not None)
        layers.append(_spans([(start, None), (end - start, bar), (1 - end, None)]))
    point = row.value
    if point is None and row.low is not None and row.low == row.high:
        point = row.low
    if point is not None:
        layers.append(_at(scale.position(point), kind_marker(row.kind, shape), MARKER))
    if row.no_response:
        layers.append(_at(scale.position(0), no_response_mark(), MARKER + 4))
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
    above: Sequence[ft.Control] = (),
    below: Sequence[ft.Control] = (),
):
    """Title (a heading at `level`: 2 on a page, 3 inside a card with its own heading),
    caption, the picture as one labelled image node, and its words folded under it.
    `above`: controls between the caption and the picture (the scale switch); `below`:
    words shown under the picture (what the scale is)."""
    return ft.Container(
        ft.Column(
            [
                heading(title, level=level),
                text_node(caption, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                *above,
                ft.Semantics(
                    identifier=identifier,
                    image=True,
                    label=words,
                    exclude_semantics=True,
                    container=True,
                    content=picture,
                ),
                *below,
                words_fold(words_title, words, f"{identifier}-words"),
            ],
            spacing=10,
        ),
        padding=16,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
    )


def _legend(chart: LevelChart) -> list[ft.Control]:
    """What each kind of mark means, one a line, for the kinds this chart shows; the cross
    for no response when a row has one. The legend words match the words on each row."""
    samples = {
        "measured": ft.Container(_kind_bar("measured"), width=28, height=TRACK_HEIGHT),
        "estimate": ft.Container(_kind_bar("estimate"), width=28, height=TRACK_HEIGHT),
        "aim": ft.Container(_kind_bar("aim"), width=28, height=TRACK_HEIGHT),
    }
    lines = [
        ft.Row([samples[kind], ft.Text(words, expand=True)], spacing=8)
        for kind, words in chart.kinds
        if kind in samples
    ]
    return lines


def _level_row(chart: LevelChart, row: LevelRow, shape: str) -> ft.Control:
    """One row: its name and kind, the numbers, the bar on the scale, and whom it leaves out."""
    span = (
        f"{number(row.value)}%"
        if row.value is not None
        else f"{number(row.low)}%–{number(row.high)}%"
        if row.low is not None and row.high is not None and row.high > row.low
        else f"{number(row.low)}%"
        if row.low is not None
        else ""
    )
    name: list[ft.Control] = [ft.Text(row.label, weight=ft.FontWeight.W_600)]
    if row.kind_word:
        name.append(ft.Text(row.kind_word, italic=True, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    return ft.Column(
        [
            ft.Row(
                [
                    *([kind_marker(row.kind, shape)] if row.value is not None else []),
                    ft.Column(name, spacing=0, expand=True),
                    ft.Text(span),
                ],
                spacing=8,
            ),
            ft.Stack([_band_layer(chart), *_row_layer(row, chart.scale, shape)], height=TRACK_HEIGHT),
            *(
                ft.Row(
                    [
                        no_response_mark() if n == 0 and row.no_response else ft.Container(width=0),
                        ft.Text(line, theme_style=ft.TextThemeStyle.BODY_MEDIUM, expand=True),
                    ],
                    spacing=6,
                )
                for n, line in enumerate(row.left_out)
            ),
        ],
        spacing=2,
    )


def level_chart(
    identifier: str,
    chart: LevelChart,
    words_title: str,
    compact: bool = False,
    above: Sequence[ft.Control] = (),
) -> ft.Control:
    """Rows of factor levels on one scale, with the goal bands behind and severity under.
    `compact`: for a phone or large text, where the axis and band labels need more room.
    `above`: controls over the picture (the gauge's scale switch)."""
    shapes: dict[str, str] = {}
    rows: list[ft.Control] = []
    for row in chart.rows:
        shape = shapes.setdefault(row.series, MARKER_SHAPES[len(shapes) % len(MARKER_SHAPES)])
        rows.append(_level_row(chart, row, shape))
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
    # On a plain scale the severe and moderate stretches are slivers: their names go under it.
    plain = chart.scale.linear
    picture = ft.Column(
        [
            *([legend] if chart.goals else []),
            *_legend(chart),
            *rows,
            _axis(chart, compact),
            _severity_strip(chart, labelled=not compact and not plain),
            *([_severity_legend(chart)] if compact or plain else []),
        ],
        spacing=10,
    )
    below = (
        [text_node(chart.scale_words, theme_style=ft.TextThemeStyle.BODY_MEDIUM)] if chart.scale_words else []
    )
    return _figure(
        identifier, chart.title, chart.caption, picture, chart.words, words_title, above=above, below=below
    )


@ft.component
def Gauge(
    content: Content, hemophilia_type: str | None, words_title: str, switch_label: str, compact: bool = False
) -> ft.Control:
    """The factor-level gauge with a switch between the stretched (log) and the plain scale.

    The switch is one keyboard stop named by its words (as a checkbox is, see
    `controls._with_words`); which scale is shown is a view-local flag."""
    plain, set_plain = ft.use_state(False)
    chart = factor_level_chart(content, hemophilia_type, linear=plain)
    switch = ft.MergeSemantics(
        content=ft.Semantics(
            identifier="gauge-scale",
            content=ft.Row(
                [
                    ft.Switch(value=plain, on_change=lambda e: set_plain(bool(e.control.value))),
                    ft.Container(
                        ft.Text(switch_label),
                        expand=True,
                        on_click=lambda e: set_plain(not plain),
                        padding=ft.Padding.only(top=10, bottom=10),
                    ),
                ],
                spacing=8,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            ),
        )
    )
    return level_chart("figure-gauge", chart, words_title, compact=compact, above=[switch])


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
