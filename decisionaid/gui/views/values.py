"""What matters to you: importance on five labelled steps, and hard limits."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import Attribute
from decisionaid.domain.session import IMPORTANCE_STEPS
from decisionaid.gui.controls import checkbox_choice, choice_row, heading, paragraph, text_node
from decisionaid.gui.state import AppState, use_app_state


def importance_row(state: AppState, attribute: Attribute) -> ft.Control:
    """Five buttons, one per step; the chosen one is filled and ticked (not colour alone)."""

    def choose(step: object) -> None:
        state.change(importance={**state.session.importance, attribute.id: step})

    return choice_row(
        f"imp-{attribute.id}",
        [(step, state.t(f"importance.{step}")) for step in IMPORTANCE_STEPS],
        state.session.importance.get(attribute.id),
        choose,
        label=attribute.name,
    )


def attribute_block(state: AppState, attribute: Attribute) -> ft.Control:
    """One feature: its question, what its two ends mean, and the five steps."""
    poles = state.t("values.poles", low=attribute.low_pole, high=attribute.high_pole)
    return ft.Semantics(
        container=True,
        identifier=f"attr-{attribute.id}",
        content=ft.Column(
            [
                heading(attribute.name, level=2),
                paragraph(attribute.values_question),
                text_node(poles, theme_style=ft.TextThemeStyle.BODY_MEDIUM, italic=True),
                importance_row(state, attribute),
            ],
            spacing=6,
        ),
    )


def hard_limits(state: AppState) -> list[ft.Control]:
    """Things the person could not accept, as checkboxes."""
    chosen = set(state.session.hard_limits)

    def toggle(limit_id: str, on: bool) -> None:
        kept = [i for i in state.session.hard_limits if i != limit_id]
        state.change(hard_limits=[*kept, limit_id] if on else kept)

    return [
        heading(state.t("values.limits_title"), level=2),
        paragraph(state.t("values.limits_intro")),
        *(
            checkbox_choice(
                f"limit-{limit.id}",
                limit.id in chosen,
                limit.statement,
                lambda on, i=limit.id: toggle(i, on),
            )
            for limit in state.content.hard_limits
        ),
    ]


@ft.component
def Values():
    """Values clarification: how much each feature matters, then any hard limits."""
    state = use_app_state()
    return ft.Column(
        [
            heading(state.t("step.values.title")),
            paragraph(state.t("values.intro")),
            ft.Text(state.t("values.no_right_answer"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            *(attribute_block(state, a) for a in state.content.attributes),
            *hard_limits(state),
        ],
        spacing=24,
    )
