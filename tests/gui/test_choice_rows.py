"""Steps on a scale (importance, text size, theme) are radio groups: one Tab stop each."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.app import make_app
from decisionaid.gui.controls import choice_row
from tests.gui.harness import start_app


def test_a_choice_row_is_one_radio_group_named_by_its_label_with_one_radio_per_step():
    """Audit D30: as buttons, every step was a Tab stop (70 Tabs on What matters) and a
    button inside a button (D2). A radio group is one Tab stop, with arrows inside."""
    row = choice_row(
        "imp-needles", [(0, "Not important"), (4, "Extremely important")], 4, lambda v: None, "Needles"
    )
    assert isinstance(row, ft.Semantics) and row.label == "Needles"
    group = row.content
    assert isinstance(group, ft.RadioGroup) and group.value == "4"
    radios = [m.content.content.controls[0] for m in group.content.controls]
    assert [r.value for r in radios] == ["0", "4"]
    assert [m.content.identifier for m in group.content.controls] == ["imp-needles-0", "imp-needles-4"]
    assert not any(r.toggleable for r in radios)


def test_a_step_picked_in_the_group_reaches_the_app_as_its_own_value():
    picked = []
    row = choice_row("size", [(100, "100%"), (200, "200%")], None, picked.append)
    row.on_change(ft.Event(name="change", control=type("C", (), {"value": "200"})()))
    assert picked == [200]


async def test_every_importance_step_on_what_matters_is_a_radio(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/values")
    steps = [i for i in app.identifiers() if i.startswith("imp-")]
    assert steps
    assert {type(app.by_identifier(i)).__name__ for i in steps} == {"Radio"}
