"""The outcome table on screen: labelled lines on an option card, and a table on Compare.

Both render `domain.outcome_view`, so a card and the Compare table say the same
thing in the same order. Each line is its own node for screen readers, read as
"label: value"; the table's header cells name the options and its first column the
questions, as the fit grid's do. Compare also lists the bleeds a year on each option
of the person's type (`domain.bleed_rates`), as the summary prints them.
"""

from __future__ import annotations

import flet as ft

from decisionaid.domain.bleed_rates import bleed_rates
from decisionaid.domain.content import Option
from decisionaid.domain.option_grid import limit_crossers
from decisionaid.domain.outcome_view import ROWS, OptionOutcomeView, outcome_view, outcome_views
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.gui.controls import heading, paragraph, text_node
from decisionaid.gui.state import AppState


def _lines(state: AppState, view: OptionOutcomeView, level: int) -> list[ft.Control]:
    """A view's bleed rows, harms and sources as headed groups of labelled lines."""
    controls: list[ft.Control] = []
    for bleed in view.bleeds:
        if len(view.bleeds) > 1:  # one row needs no title: its first line names it
            controls.append(heading(bleed.title, level=level + 1))
        controls += [text_node(f"{line.label}: {line.value}") for line in bleed.lines]
    controls.append(heading(state.t("outcomes.harms_title"), level=level + 1))
    controls += [text_node(f"{harm.harm}: {harm.value}") for harm in view.harms]
    controls.append(text_node(f"{state.t('outcomes.sources_label')}: {'; '.join(view.sources)}", italic=True))
    return controls


def outcome_section(state: AppState, option: Option, level: int = 3) -> ft.Control:
    """An option's outcome table on its card; "stay as you are" shows the product used now."""
    shown = option
    if option.kind == "current":
        uses_now = state.session.profile.current_treatment
        try:
            shown = state.content.option(uses_now or "")
        except KeyError:
            shown = option
    # The harms about people like the reader first (review M4-4).
    view = outcome_view(
        state.content,
        shown,
        group=inhibitor_group(state.session.profile.inhibitors),
        reader=state.session.profile,
    )
    body: list[ft.Control] = [heading(state.t("outcomes.title"), level=level)]
    if option.kind == "current":
        body.append(text_node(state.t("outcomes.current" if view else "outcomes.current_unknown")))
    if view is not None:
        if option.kind == "current":
            body.append(heading(view.name, level=level + 1))
        body += _lines(state, view, level)
    return ft.Semantics(
        identifier=f"outcomes-{option.id}",
        container=True,
        content=ft.Container(
            ft.Column(body, spacing=4),
            padding=12,
            border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
            border_radius=8,
        ),
    )


def outcome_grid(state: AppState, shown: list[Option], question_width: int, width: int) -> ft.Control:
    """The outcome table on Compare: the same questions as rows, one column per option."""
    views = outcome_views(
        state.content,
        shown,
        group=inhibitor_group(state.session.profile.inhibitors),
        reader=state.session.profile,
    )
    table = ft.DataTable(
        columns=[
            ft.DataColumn(ft.Text(state.t("compare.question"))),
            *(ft.DataColumn(ft.Text(v.name, weight=ft.FontWeight.W_600)) for v in views),
        ],
        rows=[
            ft.DataRow(
                [
                    ft.DataCell(
                        ft.Container(
                            ft.Text(state.t(f"outcomes.row.{row}"), weight=ft.FontWeight.W_600),
                            width=question_width,
                            padding=ft.Padding.symmetric(vertical=8),
                        )
                    ),
                    *(
                        ft.DataCell(
                            ft.Container(
                                ft.Text(v.cell(row)), width=width, padding=ft.Padding.symmetric(vertical=8)
                            )
                        )
                        for v in views
                    ),
                ]
            )
            for row in ROWS
        ],
        data_row_max_height=float("inf"),
        column_spacing=16,
    )
    return _compare_block(state, ft.Row([table], scroll=ft.ScrollMode.ALWAYS))


def outcome_stack(state: AppState, shown: list[Option]) -> ft.Control:
    """On a phone: each option's outcome lines, one option under another."""
    blocks: list[ft.Control] = []
    for view in outcome_views(
        state.content,
        shown,
        group=inhibitor_group(state.session.profile.inhibitors),
        reader=state.session.profile,
    ):
        blocks.append(heading(view.name, level=3))
        blocks += _lines(state, view, 3)
        blocks.append(ft.Divider(height=1))
    return _compare_block(state, ft.Column(blocks, spacing=6))


def _compare_block(state: AppState, answers: ft.Control) -> ft.Control:
    return ft.Semantics(
        identifier="outcomes-compare",
        container=True,
        content=ft.Column(
            [
                heading(state.t("outcomes.compare_title"), level=2),
                paragraph(state.t("outcomes.compare_intro")),
                answers,
            ],
            spacing=10,
        ),
    )


def rates_block(state: AppState) -> ft.Control | None:
    """The bleeds a year on each option of his type (both types when it is not known), on one
    footing with what differs said (IPDAS QI7, review M6-4): a heading per type, then each
    option's row as one line, its own node, so a screen reader reads the list row by row.
    One Text a row, not a table of cells: Compare is the app's heaviest page, and a click
    costs in proportion to its controls. None when no option has a number."""
    rates = bleed_rates(state.content, state.session.profile, limit_crossers(state.content, state.session))
    if not rates.tables:
        return None
    body: list[ft.Control] = [heading(rates.title, level=2), paragraph(rates.intro)]
    body += [
        ft.Semantics(
            identifier=f"rates-{table.hemophilia_type}",
            container=True,
            content=ft.Column(
                [heading(table.title, level=3), *(text_node(row.line) for row in table.rows)],
                spacing=8,
            ),
        )
        for table in rates.tables
    ]
    return ft.Semantics(identifier="rates-compare", container=True, content=ft.Column(body, spacing=10))
