"""How the options fit: bars with numbers, what drives each, close calls and limits."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.controls import heading, meter, paragraph
from decisionaid.gui.state import use_app_state
from decisionaid.gui.views.values import importance_row


def fit_bar(state, line) -> ft.Control:
    """One option: name, bar, the number in words and digits, and why."""
    spoken = state.t("fit.bar_label", option=line.option, fit=f"{line.fit:.0f}")
    details = []
    if line.status_note:
        details.append(ft.Text(line.status_note, italic=True))
    labels = state.t("summary.pulls_up"), state.t("summary.pulls_down")
    if line.drivers_for:
        details.append(ft.Text(f"{labels[0]}: {', '.join(line.drivers_for)}"))
    if line.drivers_against:
        details.append(ft.Text(f"{labels[1]}: {', '.join(line.drivers_against)}"))
    for limit in line.limits_crossed:
        details.append(
            ft.Row(
                [
                    ft.Icon(ft.Icons.WARNING_AMBER, semantics_label=state.t("summary.limits_crossed")),
                    ft.Text(f"{state.t('summary.limits_crossed')}: {limit}", expand=True),
                ],
            )
        )
    if line.flags:
        details.append(ft.Text(f"{state.t('summary.flags')}: {', '.join(line.flags)}"))
    return ft.Column(
        [
            ft.Row(
                [
                    ft.Text(line.option, weight=ft.FontWeight.W_600, expand=True),
                    ft.Text(f"{line.fit:.0f} / 100", weight=ft.FontWeight.W_600),
                ]
            ),
            meter(line.fit / 100, 18, spoken),
            *details,
        ],
        spacing=4,
    )


@ft.component
def Fit():
    """The fit of each option to what the person said, and a way to adjust it here."""
    state = use_app_state()
    summary = state.summary()
    controls: list[ft.Control] = [
        heading(state.t("step.fit.title")),
        paragraph(summary.fit_explainer),
    ]
    for note in summary.fit_notes:
        controls.append(
            ft.Semantics(
                live_region=True,
                content=ft.Container(
                    ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE), ft.Text(note, expand=True)]),
                    padding=12,
                    border=ft.Border.all(1, ft.Colors.OUTLINE),
                    border_radius=8,
                ),
            )
        )
    if summary.fit_available:
        controls += [fit_bar(state, line) for line in summary.fits]
    controls += [heading(state.t("fit.adjust_title"), level=2), paragraph(state.t("fit.adjust_intro"))]
    for attribute in state.content.attributes:
        controls += [ft.Text(attribute.name, weight=ft.FontWeight.W_600), importance_row(state, attribute)]
    return ft.Column(controls, spacing=16)
