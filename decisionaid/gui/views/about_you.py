"""About you: the profile questions. Each is optional and has a 'not sure' answer."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.ui_keys import (
    ASKED_SINCE_ISSUE_14,
    PROFILE_FIELDS,
    SHARED_ANSWERS,
    is_asked,
    profile_answers,
)
from decisionaid.gui.controls import heading, paragraph, radio_group
from decisionaid.gui.state import use_app_state


def question(state, field: str, choices: list[tuple[str, str]]) -> ft.Control:
    """One radio question, saved the moment an answer is picked."""
    current = getattr(state.session.profile, field)

    def pick(value: str | None) -> None:
        state.change_profile(**{field: value})

    label = state.t(f"profile.q.{field}")
    return ft.Semantics(
        identifier=f"q-{field}",
        container=True,
        content=ft.Column(
            [
                heading(label, level=2),
                radio_group(f"q-{field}", current, choices, pick, label=label),
            ],
            spacing=4,
        ),
    )


@ft.component
def AboutYou():
    """The profile questions; the answers decide which options and notes show."""
    state = use_app_state()
    controls: list[ft.Control] = [
        heading(state.t("step.about_you.title")),
        paragraph(state.t("about_you.intro")),
    ]
    for field in PROFILE_FIELDS:
        if not is_asked(field, state.session.profile):
            continue  # e.g. "Could you become pregnant?" only after "Female"
        if field == ASKED_SINCE_ISSUE_14[0]:
            # The more personal questions follow: say once why they are asked, and that
            # each may be skipped or answered "prefer not to say".
            controls.append(paragraph(state.t("about_you.more_intro")))
        if field == "current_treatment":
            order = {"factor": 0, "non-factor": 1, "gene-therapy": 2}
            ranked = sorted(
                (o for o in state.content.options if o.kind in order), key=lambda o: order[o.kind]
            )
            options = [(o.id, o.name) for o in ranked]
            choices = [*options, ("other", state.t("profile.a.current_treatment.other"))]
        else:
            choices = [
                (
                    value,
                    state.t(
                        f"profile.a.{value}" if value in SHARED_ANSWERS else f"profile.a.{field}.{value}"
                    ),
                )
                for value in profile_answers(field)
            ]
        controls.append(question(state, field, choices))
    return ft.Column(controls, spacing=20)
