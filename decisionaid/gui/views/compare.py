"""Compare: the options side by side, one row per question people ask."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import Option, in_shown_order
from decisionaid.domain.eligibility import for_type
from decisionaid.domain.outcome_view import short_citation
from decisionaid.domain.references import citation_line
from decisionaid.gui.controls import Fold, checkbox_choice, heading, paragraph, text_node
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.outcome_rows import outcome_grid, outcome_stack, rates_block
from decisionaid.gui.views.shell import WIDE_PAGES

GRID_WIDTH = WIDE_PAGES["/compare"]
QUESTION_WIDTH = 220
COLUMN_WIDTH = (180, 260)
"""Narrowest and widest answer column: as wide as fits the page, then the grid scrolls sideways."""
SPACING = 16
TABLE_MARGIN = 24  # a DataTable's default horizontal margin, left and right
PAGE_PADDING = 16  # the page's own padding, left and right (app.py)
SCROLLBAR = 16  # room for the page's vertical scroll bar
CELL_PADDING = ft.Padding.symmetric(vertical=8)  # text of 3 or 4 lines touched the row lines


def first_picks(state: AppState, available: list[Option]) -> list[str]:
    """The options in the grid: the person's own picks (saved), or until he picks, what he
    uses now and where he leans. Never a default set of other options: that put two gene
    therapies (one for each type) before a person unsure of his type, and Hemgenix before
    a 16-year-old (persona walks)."""
    ids = {o.id for o in available}
    if state.session.compare_picks is not None:
        return [i for i in state.session.compare_picks if i in ids]
    uses_now = state.session.profile.current_treatment
    return [i for i in dict.fromkeys((uses_now, state.session.leaning)) if i in ids]


@ft.component
def Compare():
    """A grid of plain answers; the person picks which options to put side by side."""
    state = use_app_state()
    # What he uses now is its own product's column, marked: a "stay with my current
    # treatment" column beside it would compare a treatment with itself (issue 13).
    available = in_shown_order(
        [
            o
            for o in for_type(state.content, state.session.profile)
            if o.status != "withdrawn" and o.kind != "current"
        ],
        state.session.profile.current_treatment,
    )
    picked = first_picks(state, available)

    def toggle(option_id: str, on: bool) -> None:
        keep = {*picked, option_id} if on else set(picked) - {option_id}
        state.change(compare_picks=[o.id for o in available if o.id in keep])

    chooser = ft.ResponsiveRow(
        [
            checkbox_choice(
                f"compare-{o.id}",
                o.id in picked,
                column_name(state, o),
                lambda on, i=o.id: toggle(i, on),
                col={"xs": 12, "sm": 6, "lg": 4},
            )
            for o in available
        ],
        spacing=8,
        run_spacing=0,
    )
    shown = [o for o in available if o.id in picked]
    outcomes: list[ft.Control] = []
    if not shown:
        answers = paragraph(state.t("compare.none"))
    elif state.narrow:
        answers = stacked(state, shown)
        outcomes = [outcome_stack(state, shown)]
    else:
        answers = grid(state, shown)
        outcomes = [outcome_grid(state, shown, QUESTION_WIDTH, column_width(shown))]
    if shown:
        outcomes.append(grid_sources(state, shown))
    # Every option of his type on one unit, before the outcome table of those he picked.
    rates = rates_block(state)
    outcomes = outcomes if rates is None else [rates, *outcomes]
    return ft.Column(
        [
            heading(state.t("step.compare.title")),
            paragraph(state.t("compare.intro")),
            chooser,
            answers,
            *outcomes,
        ],
        spacing=16,
    )


def column_name(state: AppState, option: Option) -> str:
    """The option's name, and "What you use now" on the one he uses now."""
    if option.id == state.session.profile.current_treatment:
        return f"{option.name} ({state.t('summary.uses_now')})"
    return option.name


def grid_room(window_width: float | None) -> int:
    """The width the grid can take: the wide page, or less in a smaller window.

    Sized for the wide page alone, four options made a grid 1372 px wide: at 1280 px the
    last column was cut off at the window's edge (persona walks)."""
    if not window_width:
        return GRID_WIDTH
    return int(min(GRID_WIDTH, window_width - 2 * PAGE_PADDING - SCROLLBAR))


def column_width(shown: list[Option]) -> int:
    """The width of one option's column: as wide as the page allows, within COLUMN_WIDTH."""
    room = (
        grid_room(ft.context.page.width) - 2 * TABLE_MARGIN - QUESTION_WIDTH - SPACING * len(shown)
    ) // len(shown)
    return max(COLUMN_WIDTH[0], min(COLUMN_WIDTH[1], room))


def source_of(state: AppState, option: Option, attribute_id: str) -> str:
    """The short name of the source behind one answer ("Pipe SW et al., 2025")."""
    source = state.content.sources.get(option.attributes[attribute_id].source)
    return short_citation(source) if source else option.attributes[attribute_id].source


def answer(state: AppState, option: Option, attribute_id: str) -> ft.Control:
    """One answer with its source under it (issue 15: the grid's citations were stripped)."""
    return ft.Column(
        [
            ft.Text(option.attributes[attribute_id].reason),
            ft.Text(
                f"{state.t('compare.source')}: {source_of(state, option, attribute_id)}",
                italic=True,
                theme_style=ft.TextThemeStyle.BODY_SMALL,
            ),
        ],
        spacing=2,
        tight=True,
    )


def grid_sources(state: AppState, shown: list[Option]) -> ft.Control:
    """The full reference behind each short name in the grid, folded under it."""
    ids = dict.fromkeys(o.attributes[a.id].source for a in state.content.attributes for o in shown)
    sources = [state.content.sources[i] for i in ids if i in state.content.sources]
    lines = [text_node(f"{short_citation(s)}: {citation_line(s)}") for s in sources]
    return Fold("sources-compare", state.t("compare.sources"), lines)


def grid(state: AppState, shown: list[Option]) -> ft.Control:
    """Questions as rows, options as columns; scrolls sideways when there are many options,
    with the scroll bar always shown so the columns past the edge can be seen to be there."""
    width = column_width(shown)
    table = ft.DataTable(
        columns=[
            ft.DataColumn(ft.Text(state.t("compare.question"))),
            *(ft.DataColumn(ft.Text(column_name(state, o), weight=ft.FontWeight.W_600)) for o in shown),
        ],
        rows=[
            ft.DataRow(
                [
                    ft.DataCell(
                        ft.Container(
                            ft.Text(a.grid_question, weight=ft.FontWeight.W_600),
                            width=QUESTION_WIDTH,
                            padding=CELL_PADDING,
                        )
                    ),
                    *(
                        ft.DataCell(ft.Container(answer(state, o, a.id), width=width, padding=CELL_PADDING))
                        for o in shown
                    ),
                ]
            )
            for a in state.content.attributes
        ],
        data_row_max_height=float("inf"),
        column_spacing=SPACING,
    )
    return ft.Row([table], scroll=ft.ScrollMode.ALWAYS)


def stacked(state: AppState, shown: list[Option]) -> ft.Control:
    """On a phone: each question, then every picked option's answer to it, one under another."""
    blocks: list[ft.Control] = []
    for a in state.content.attributes:
        blocks.append(heading(a.grid_question, level=2))
        blocks += [
            ft.Container(
                ft.Column(
                    [
                        ft.Text(column_name(state, o), weight=ft.FontWeight.W_600),
                        answer(state, o, a.id),
                    ],
                    spacing=2,
                ),
                padding=ft.Padding.only(left=12),
                border=ft.Border.only(left=ft.BorderSide(3, ft.Colors.OUTLINE_VARIANT)),
            )
            for o in shown
        ]
        blocks.append(ft.Divider(height=1))
    return ft.Column(blocks, spacing=10)
