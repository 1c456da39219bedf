"""How the options fit: bands with their intervals, the alignment grid, contrasts, the options apart.

Options stand in the fit engine's fixed order, which the page states: nothing
here sorts by fit, and no option is marked as first. Each option says why it
lines up as it does, in words, against the person's own priorities.
"""

from __future__ import annotations

import flet as ft

from decisionaid.domain.fit_summary import ApartLine, FitLine
from decisionaid.domain.summary import DiscussionSummary
from decisionaid.gui.controls import heading, paragraph, text_node
from decisionaid.gui.fit_figures import ALIGNMENT_ICONS, alignment_grid, band_bar
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.shell import MAX_READING_WIDTH
from decisionaid.gui.views.values import importance_row, ordered_attributes

PHONE_ROOM = 340  # px: a 390 px phone less the page's padding


def notice_box(note: str) -> ft.Control:
    """A note the reader must not miss (close call, not enough answered), announced when it changes."""
    return ft.Semantics(
        live_region=True,
        container=True,
        content=ft.Container(
            ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE, semantics_label=""), ft.Text(note, expand=True)]),
            padding=12,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=8,
        ),
    )


def uses_now_marker(state: AppState) -> ft.Control:
    """'What you use now', with an icon and a border: not colour alone."""
    return ft.Container(
        ft.Row(
            [
                ft.Icon(ft.Icons.HOME_OUTLINED, size=18, semantics_label=""),
                text_node(state.t("fit.uses_now")),
            ],
            spacing=4,
            tight=True,
        ),
        padding=ft.Padding.symmetric(horizontal=8, vertical=2),
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=12,
    )


def band_row(state: AppState, line: FitLine, crosses: str) -> ft.Control:
    """One option's band: its name, the bar from low to high with its best estimate, and the words:
    its interval, the options it cannot be told apart from, and each limit of the person's it
    crosses (a warning icon and words, where the comparison is read: model review M-16)."""
    limits = [f"{crosses}: {limit}" for limit in line.limits_crossed]
    # One sentence per part, so a screen reader pauses between them.
    parts = [state.t("fit.bar_label", option=line.option, interval=line.interval), line.overlaps, *limits]
    spoken = " ".join(f"{p.rstrip('.')}." for p in parts if p)
    name = [ft.Text(line.option, weight=ft.FontWeight.W_600)]
    if line.uses_now:
        name.append(uses_now_marker(state))
    return ft.Column(
        [
            ft.Row(name, wrap=True, spacing=8),
            band_bar(line, spoken),
            text_node(line.interval),
            *([text_node(line.overlaps)] if line.overlaps else []),
            *(_line_with_icon(ft.Icons.WARNING_AMBER, limit) for limit in limits),
            *([text_node(line.status_note, italic=True)] if line.status_note else []),
        ],
        spacing=4,
    )


def _line_with_icon(icon: ft.IconData, text: str) -> ft.Control:
    """An icon and words that wrap beside it."""
    return ft.Row(
        [ft.Icon(icon, size=18, semantics_label=""), ft.Container(text_node(text), expand=True)],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def option_card(state: AppState, summary: DiscussionSummary, line: FitLine, level: int = 3) -> ft.Control:
    """Why one option lines up as it does: each priority with its reason, contrasts, limits, notes."""
    labels = summary.labels
    controls: list[ft.Control] = [heading(line.option, level=level)]
    if line.uses_now:
        controls.append(uses_now_marker(state))
    controls.append(text_node(line.interval))
    if line.overlaps:
        controls.append(text_node(line.overlaps))
    if line.cells:
        controls.append(text_node(state.t("fit.cells_title"), weight=ft.FontWeight.W_600))
        controls += [
            _line_with_icon(ALIGNMENT_ICONS[c.alignment], f"{c.priority}: {c.word}. {c.reason}")
            for c in line.cells
        ]
    if line.contrasts:
        controls.append(text_node(state.t("fit.contrasts_title"), weight=ft.FontWeight.W_600))
        controls += [_line_with_icon(ft.Icons.COMPARE_ARROWS, c) for c in line.contrasts]
    controls += [
        _line_with_icon(ft.Icons.WARNING_AMBER, f"{labels['limits_crossed']}: {limit}")
        for limit in line.limits_crossed
    ]
    if line.flags:
        controls.append(
            _line_with_icon(ft.Icons.CHAT_OUTLINED, f"{labels['flags']}: {', '.join(line.flags)}")
        )
    return ft.Semantics(
        identifier=f"fit-{line.option_id}",
        container=True,
        content=ft.Container(
            ft.Column(controls, spacing=6),
            padding=16,
            border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
            border_radius=12,
        ),
    )


def apart_item(line: ApartLine, labels: dict[str, str]) -> ft.Control:
    """An option that is not scored, and why; one that waits only for his type keeps each of his
    limits it crosses and its care-team notes, as on a scored option (review R9-1)."""
    marks = [
        _line_with_icon(ft.Icons.WARNING_AMBER, f"{labels['limits_crossed']}: {limit}")
        for limit in line.limits_crossed
    ]
    if line.flags:
        marks.append(_line_with_icon(ft.Icons.CHAT_OUTLINED, f"{labels['flags']}: {', '.join(line.flags)}"))
    return ft.Semantics(
        identifier=f"apart-{line.option_id}",
        container=True,
        content=ft.Column(
            [
                text_node(f"{line.option}: {line.standing}", weight=ft.FontWeight.W_600),
                *(text_node(reason) for reason in line.reasons),
                *marks,
            ],
            spacing=2,
        ),
    )


def fit_sections(state: AppState, summary: DiscussionSummary, level: int = 2) -> list[ft.Control]:
    """The fit as the summary holds it: notes, bands, grid, each option's reasons, the options apart.
    Shared with clinician mode, where the sections sit one level lower."""
    labels = summary.labels
    controls: list[ft.Control] = [
        paragraph(summary.fit_explainer),
        ft.Semantics(identifier="fit-order", container=True, content=paragraph(summary.fit_order)),
        *(notice_box(note) for note in summary.fit_notes),
    ]
    if summary.fit_available:
        controls += [
            heading(labels["bands_title"], level=level),
            *(band_row(state, f, labels["limits_crossed"]) for f in summary.fits),
        ]
        if summary.grid_priorities:
            controls += [
                heading(labels["grid_title"], level=level),
                paragraph(state.t("fit.grid_intro")),
                # On a phone the grid is wider than the screen: say so, or the columns past
                # its edge look like all there is.
                *([paragraph(state.t("fit.grid_scroll"))] if state.narrow and len(summary.fits) > 2 else []),
                alignment_grid(
                    summary.grid_priorities,
                    summary.fits,
                    labels["priority_column"],
                    labels["uses_now"],
                    labels["limits_crossed"],
                    PHONE_ROOM if state.narrow else MAX_READING_WIDTH,
                ),
            ]
        controls += [
            heading(labels["details_title"], level=level),
            ft.ResponsiveRow(
                [
                    ft.Container(option_card(state, summary, f, level + 1), col={"xs": 12, "md": 6})
                    for f in summary.fits
                ],
                spacing=12,
                run_spacing=12,
            ),
        ]
    if summary.apart:
        controls += [
            heading(labels["apart_title"], level=level),
            paragraph(state.t("fit.apart_intro")),
            *(apart_item(a, labels) for a in summary.apart),
        ]
    return controls


@ft.component
def Fit():
    """The fit of each option to what the person said, and a way to adjust it here."""
    state = use_app_state()
    summary = state.summary()
    controls: list[ft.Control] = [
        heading(state.t("step.fit.title")),
        paragraph(state.t("fit.intro")),
        *fit_sections(state, summary),
        heading(state.t("fit.adjust_title"), level=2),
        paragraph(state.t("fit.adjust_intro")),
    ]
    for attribute in ordered_attributes(state):
        controls += [text_node(attribute.name, weight=ft.FontWeight.W_600), importance_row(state, attribute)]
    return ft.Column(controls, spacing=16)
