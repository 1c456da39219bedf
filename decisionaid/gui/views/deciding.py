"""Deciding with others (Ottawa Personal Decision Guide): who else is involved, their view,
pressure, where the person leans and how sure he is, and the next steps from his answers."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.deliberation import leaning_change, others_named
from decisionaid.domain.eligibility import for_type
from decisionaid.domain.next_steps import NextStep, next_steps
from decisionaid.domain.session import CERTAINTY_STEPS, INVOLVED
from decisionaid.gui.controls import (
    LONG_TEXT,
    TextEntry,
    action_button,
    checkbox_choice,
    go,
    heading,
    paragraph,
    radio_group,
)
from decisionaid.gui.routes import JOURNEY
from decisionaid.gui.state import AppState


def leaning_choices(state: AppState) -> list[tuple[str, str]]:
    """The options a person may lean towards (his type's, not withdrawn), then "not sure"."""
    choices = [
        (o.id, o.name) for o in for_type(state.content, state.session.profile) if o.status != "withdrawn"
    ]
    return [*choices, ("not_sure", state.t("summary.leaning.not_sure"))]


def certainty_group(
    state: AppState, identifier: str, value: str | None, field: str, question: str
) -> list[ft.Control]:
    """How sure he is, in four labelled steps, saved in `field`."""
    return [
        ft.Text(question, weight=ft.FontWeight.W_600),
        radio_group(
            identifier,
            value,
            [(c, state.t(f"certainty.{c}")) for c in CERTAINTY_STEPS],
            lambda v: state.change(**{field: v}),
            label=question,
        ),
    ]


def start_leaning_block(state: AppState) -> list[ft.Control]:
    """Where he leans before reading, and how sure (the summary shows how it changed)."""
    s = state.session
    return [
        heading(state.t("start.title"), level=2),
        paragraph(state.t("start.intro")),
        ft.Text(state.t("start.leaning"), weight=ft.FontWeight.W_600),
        radio_group(
            "start-leaning",
            s.start_leaning,
            leaning_choices(state),
            lambda v: state.change(start_leaning=v),
            label=state.t("start.leaning"),
        ),
        *certainty_group(
            state, "start-certainty", s.start_certainty, "start_certainty", state.t("start.certainty")
        ),
    ]


def end_leaning_block(state: AppState) -> list[ft.Control]:
    """Where he leans now, how sure, and how that changed since the start."""
    s = state.session
    controls: list[ft.Control] = [
        heading(state.t("summary.h.leaning"), level=2),
        paragraph(state.t("ready.leaning_intro")),
        radio_group(
            "leaning",
            s.leaning,
            leaning_choices(state),
            lambda v: state.change(leaning=v),
            label=state.t("summary.h.leaning"),
        ),
        *certainty_group(state, "certainty", s.certainty, "certainty", state.t("ready.certainty")),
    ]
    change = leaning_change(state.content, s)
    if change:
        controls.append(ft.Semantics(identifier="leaning-change", content=paragraph(change)))
    return controls


def _tick(state: AppState, person: str, on: bool) -> None:
    """ "No one else" and the people named exclude each other: ticking one clears the other."""
    now = [p for p in state.session.others_involved if p != person]
    if on:
        now = [person] if person == "no_one" else [p for p in now if p != "no_one"] + [person]
    prefer = {k: v for k, v in state.session.others_prefer.items() if k in now}
    state.change(others_involved=[p for p in INVOLVED if p in now], others_prefer=prefer)


def others_block(state: AppState) -> list[ft.Control]:
    """Who else is involved, what each would prefer, pressure, and a partner's or parent's view."""
    s = state.session
    t = state.t
    controls: list[ft.Control] = [
        heading(t("others.title"), level=2),
        paragraph(t("others.intro")),
        ft.Text(t("others.who"), weight=ft.FontWeight.W_600),
        *(
            checkbox_choice(
                f"others-{p}",
                p in s.others_involved,
                t(f"others.who.{p}"),
                lambda on, p=p: _tick(state, p, on),
            )
            for p in INVOLVED
        ),
    ]
    prefer_choices = [
        *leaning_choices(state)[:-1],
        ("not_sure", t("others.prefer.not_sure")),
        ("not_said", t("others.prefer.not_said")),
    ]
    for person in others_named(s):
        if person == "no_one":
            continue
        question = t("others.prefer", who=t(f"others.whom.{person}"))

        def prefer(v: str, person: str = person) -> None:
            state.change(others_prefer={**state.session.others_prefer, person: v})

        controls += [
            ft.Text(question, weight=ft.FontWeight.W_600),
            radio_group(
                f"prefer-{person}", s.others_prefer.get(person), prefer_choices, prefer, label=question
            ),
        ]
    controls += [
        ft.Text(t("others.pressure"), weight=ft.FontWeight.W_600),
        radio_group(
            "pressure",
            s.pressure,
            [(a, t(f"others.pressure.{a}")) for a in ("yes", "no", "not_sure")],
            lambda v: state.change(pressure=v),
            label=t("others.pressure"),
            across=True,
        ),
        paragraph(t("others.view_intro")),
        TextEntry(
            "others-view",
            t("others.view_label"),
            s.others_view,
            for_answers=state.answers_key,
            on_text=lambda text: state.change_text(others_view=text),
            **LONG_TEXT,
        ),
    ]
    return controls


def _step(state: AppState, page: ft.Page, number: int, step: NextStep) -> ft.Control:
    """One step: what it answers, its words, the things to do, and a button per page it names."""
    rows: list[ft.Control] = [
        ft.Text(step.about, weight=ft.FontWeight.W_600),
        paragraph(step.text),
        *(paragraph(f"{item.label}: {item.text}") for item in step.items),
    ]
    paths = {s.key: s.path for s in JOURNEY}
    for key in dict.fromkeys(item.page for item in step.items if item.page in paths):
        title = state.t(f"step.{key}.title")
        rows.append(
            action_button(
                f"next-{number}-{key}",
                state.t("next.open", page=title),
                lambda path=paths[key]: go(page, path),
                icon=ft.Icons.ARROW_FORWARD,
            )
        )
    return ft.Semantics(
        identifier=f"next-step-{step.kind}", container=True, content=ft.Column(rows, spacing=6)
    )


def next_steps_block(state: AppState, page: ft.Page) -> list[ft.Control]:
    """The plan built from each readiness "no" (and pressure), as the summary prints it."""
    steps = next_steps(state.content, state.session)
    controls: list[ft.Control] = [
        heading(state.t("summary.h.next_steps"), level=2),
        paragraph(state.t("next.intro")),
    ]
    if not steps:
        return [*controls, paragraph(state.t("next.none"))]
    return [*controls, *(_step(state, page, n, step) for n, step in enumerate(steps))]
