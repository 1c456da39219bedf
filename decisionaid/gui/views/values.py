"""What matters to you: importance on five labelled steps, a top three, and hard limits.

The features are asked in `attribute_order` (shuffled per session, so the first
ones are not always one kind of option's strengths). A feature not answered
says so in words, apart from one marked "not important". The top three is a
trade-off: at most three, never undone by a second click, changed one at a
time or cleared on purpose.
"""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import Attribute, HardLimit
from decisionaid.domain.fit import attribute_order, limit_order
from decisionaid.domain.fit_poles import LocalEnds, local_ends
from decisionaid.domain.session import IMPORTANCE_STEPS
from decisionaid.gui.controls import (
    CHOSEN_STYLE,
    OUTLINED_STYLE,
    action_button,
    checkbox_choice,
    choice_row,
    heading,
    paragraph,
    text_node,
)
from decisionaid.gui.state import AppState, use_app_state

TOP_MOST = 3


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


def local_ends_text(state: AppState, ends: LocalEnds | None) -> str | None:
    """Where the person's own options sit on this feature, in feature words, never
    product names (model reviews M-13, M2-6), or None while his type is not known."""
    if ends is None:
        return None
    if ends.flat:
        return state.t("values.local_flat")
    worst = state.t("values.local_worst_unsure", end=ends.worst) if ends.worst_unsure else ends.worst
    best = state.t("values.local_best_unsure", end=ends.best) if ends.best_unsure else ends.best
    return state.t("values.local_ends", worst=worst, best=best)


def attribute_block(state: AppState, attribute: Attribute, ends: LocalEnds | None = None) -> ft.Control:
    """One feature: its question, what its two ends mean, where the person's own options
    sit on it, the five steps, and "not answered yet"."""
    poles = state.t("values.poles", low=attribute.low_pole, high=attribute.high_pole)
    local = local_ends_text(state, ends)
    status = []
    if attribute.id not in state.session.importance:
        status.append(
            ft.Row(
                [
                    ft.Icon(ft.Icons.HELP_OUTLINE, size=18, semantics_label=""),
                    text_node(state.t("values.not_answered"), italic=True),
                ],
                spacing=6,
            )
        )
    return ft.Semantics(
        container=True,
        identifier=f"attr-{attribute.id}",
        content=ft.Column(
            [
                heading(attribute.name, level=2),
                paragraph(attribute.values_question),
                text_node(poles, theme_style=ft.TextThemeStyle.BODY_MEDIUM, italic=True),
                *([text_node(local, theme_style=ft.TextThemeStyle.BODY_MEDIUM)] if local else []),
                importance_row(state, attribute),
                *status,
            ],
            spacing=6,
        ),
    )


def _top_button(attribute: Attribute, chosen: bool, full: bool, on_add) -> ft.Control:
    """A feature to put in the top three: filled and ticked once in it (a second click keeps it)."""
    return ft.MergeSemantics(
        content=ft.Semantics(
            identifier=f"top-{attribute.id}",
            selected=chosen,
            content=ft.OutlinedButton(
                content=attribute.name,
                icon=ft.Icons.CHECK_CIRCLE if chosen else ft.Icons.ADD_CIRCLE_OUTLINE,
                style=CHOSEN_STYLE if chosen else OUTLINED_STYLE,
                disabled=full and not chosen,
                on_click=lambda _e: on_add(attribute.id),
            ),
        )
    )


def top_three(state: AppState, ordered: list[Attribute]) -> list[ft.Control]:
    """The trade-off step: choose the three features that matter most, in the order chosen."""
    names = {a.id: a.name for a in ordered}
    chosen = [i for i in state.session.top_priorities if i in names][:TOP_MOST]
    full = len(chosen) >= TOP_MOST

    def add(attribute_id: str) -> None:
        now = [i for i in state.session.top_priorities if i in names]
        if attribute_id in now or len(now) >= TOP_MOST:
            return  # a second click keeps the choice; a fourth needs one taken out first
        state.change(top_priorities=[*now, attribute_id])

    def remove(attribute_id: str) -> None:
        state.change(top_priorities=[i for i in state.session.top_priorities if i != attribute_id])

    status = (
        state.t("values.top_chosen", names="; ".join(names[i] for i in chosen))
        if chosen
        else state.t("values.top_none")
    )
    if full:
        status = f"{status} {state.t('values.top_full')}"
    controls: list[ft.Control] = [
        heading(state.t("values.top_title"), level=2),
        paragraph(state.t("values.top_intro")),
        ft.Semantics(
            identifier="top-status",
            live_region=True,
            container=True,
            content=ft.Text(status, weight=ft.FontWeight.W_600),
        ),
        ft.Row(
            [_top_button(a, a.id in chosen, full, add) for a in ordered], wrap=True, spacing=8, run_spacing=8
        ),
    ]
    if chosen:
        controls.append(
            ft.Row(
                [
                    *(
                        action_button(
                            f"top-remove-{i}",
                            state.t("values.top_remove", name=names[i]),
                            lambda i=i: remove(i),
                            icon=ft.Icons.REMOVE_CIRCLE_OUTLINE,
                        )
                        for i in chosen
                    ),
                    action_button(
                        "top-clear",
                        state.t("values.top_clear"),
                        lambda: state.change(top_priorities=[]),
                        icon=ft.Icons.CLEAR_ALL,
                    ),
                ],
                wrap=True,
                spacing=8,
                run_spacing=8,
            )
        )
    return controls


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
            for limit in ordered_limits(state)
        ),
    ]


def ordered_limits(state: AppState) -> list[HardLimit]:
    """The hard limits in the order this session lists them (shuffled per session)."""
    limits = {h.id: h for h in state.content.hard_limits}
    return [limits[i] for i in limit_order(state.content, state.session)]


def ordered_attributes(state: AppState) -> list[Attribute]:
    """The features in the order this session asks them."""
    attributes = {a.id: a for a in state.content.attributes}
    return [attributes[i] for i in attribute_order(state.content, state.session) if i in attributes]


@ft.component
def Values():
    """Values clarification: how much each feature matters, the top three, then any hard limits."""
    state = use_app_state()
    ordered = ordered_attributes(state)
    ends = local_ends(state.content, state.session.profile)
    answered = sum(1 for a in ordered if a.id in state.session.importance)
    return ft.Column(
        [
            heading(state.t("step.values.title")),
            paragraph(state.t("values.intro")),
            ft.Text(state.t("values.no_right_answer"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            *(attribute_block(state, a, ends.get(a.id)) for a in ordered),
            ft.Semantics(
                identifier="values-answered",
                live_region=True,
                container=True,
                content=ft.Text(state.t("values.answered", answered=answered, total=len(ordered))),
            ),
            *top_three(state, ordered),
            *hard_limits(state),
        ],
        spacing=24,
    )
