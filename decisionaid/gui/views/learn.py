"""Learn: the modules for this person's type, readable, sourced, with progress marked."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import Module
from decisionaid.domain.figures import durability_chart, durability_icon_arrays
from decisionaid.gui.controls import action_button, heading, opened, paragraph
from decisionaid.gui.figures import level_chart
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.about import reading
from decisionaid.gui.views.deciding import start_leaning_block
from decisionaid.gui.views.glossary import glossary_pointer
from decisionaid.gui.views.options import compact_figures, icon_figures


def modules_for(state: AppState) -> list[Module]:
    """The modules for the person's type (all of them when he is not sure)."""
    kind = state.session.profile.hemophilia_type
    return [m for m in state.content.modules if kind not in ("A", "B") or m.applies_to in (kind, "both")]


@ft.component
def ModuleTile(module: Module) -> ft.Control:
    """One module, folded: patient text, the clinicians' detail folded again, sources.

    Whether it is open is kept here, so marking it read or a re-render does not close it."""
    state = use_app_state()
    is_open, set_open = ft.use_state(False)
    read = module.id in state.session.modules_read

    def toggled(e: ft.Event) -> None:
        now_open = opened(e)
        set_open(now_open)
        # Opened is remembered apart from "marked read": the next steps list the
        # readings not opened yet.
        if now_open and module.id not in state.session.modules_opened:
            state.change(modules_opened=[*state.session.modules_opened, module.id])

    def toggle_read() -> None:
        done = [m for m in state.session.modules_read if m != module.id]
        state.change(modules_read=done if read else [*done, module.id])

    # Only an open module's reading is built and sent: every control on a page is diffed
    # and sent on each render, and nine readings drawn as their own controls made Learn
    # take seconds. Opening one renders it (is_open).
    inner: list[ft.Control] = []
    if is_open:
        figures: list[ft.Control] = []
        if module.id == state.content.figures.durability.module:
            figures = [
                level_chart(
                    "figure-durability",
                    durability_chart(state.content),
                    state.t("figure.words"),
                    compact=compact_figures(state),
                ),
                *icon_figures(state, durability_icon_arrays(state.content)),
            ]
        inner = reading(
            state, module.body, f"clinicians-{module.id}", state.t("learn.for_clinicians"), figures
        )
        inner.append(
            action_button(
                f"read-{module.id}",
                state.t("learn.mark_unread" if read else "learn.mark_read"),
                toggle_read,
                icon=ft.Icons.CHECK_CIRCLE if read else ft.Icons.CHECK_CIRCLE_OUTLINE,
            )
        )
    status = state.t("learn.read") if read else state.t("learn.minutes", minutes=module.minutes)
    return ft.Semantics(
        identifier=f"module-{module.id}",
        content=ft.ExpansionTile(
            title=ft.Text(module.title, weight=ft.FontWeight.W_600),
            subtitle=ft.Text(f"{module.summary} ({status})"),
            # No name of its own: the subtitle says the same, and the icon's name was read
            # first, before the title ("about 5 minutes, Hemophilia A and B, ... (about 5
            # minutes)", audit D21).
            leading=ft.Icon(ft.Icons.CHECK_CIRCLE if read else ft.Icons.MENU_BOOK_OUTLINED),
            controls=inner,
            controls_padding=ft.Padding.symmetric(horizontal=16, vertical=8),
            expanded=is_open,
            on_change=toggled,
        ),
    )


@ft.component
def Learn():
    """The learning modules, with how many are read."""
    state = use_app_state()
    modules = modules_for(state)
    done = sum(1 for m in modules if m.id in state.session.modules_read)
    return ft.Column(
        [
            heading(state.t("step.learn.title")),
            # Where he leans before he reads: the summary shows how it changed by the end.
            *start_leaning_block(state),
            paragraph(state.t("learn.intro")),
            glossary_pointer(state, ft.context.page),
            ft.Text(state.t("learn.progress", done=done, total=len(modules)), weight=ft.FontWeight.W_600),
            *(ModuleTile(m) for m in modules),
        ],
        spacing=12,
    )
