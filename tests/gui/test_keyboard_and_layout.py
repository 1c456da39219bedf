"""Keyboard and layout fixes of issue 12: scales are radio groups (one Tab stop each), list
numbers keep their dot, fields are page-wide, note boxes have structure, no "?" by place."""

from __future__ import annotations

import shutil
from pathlib import Path

import flet as ft

from decisionaid.gui.app import make_app
from decisionaid.gui.controls import choice_row
from tests.content_once import loaded
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


def test_no_group_in_a_picture_of_100_people_is_drawn_as_a_question_mark():
    """Persona walks: the 4th group's "?" meant "not described in our source" on one picture and
    "below 3%" on another. Shapes are given by place, so none may carry a meaning of its own:
    each group is a person's shape (people_svg), all different, none a question mark."""
    from decisionaid.gui.people_svg import GLYPHS

    assert len(GLYPHS) >= 4 and len(set(GLYPHS)) == len(GLYPHS)
    assert not [g for g in GLYPHS if "?" in g or "help" in g.lower()]


def test_list_numbers_have_room_for_two_digits_and_a_dot_at_every_text_size():
    """Summary preview: "10" then "." on the next line at 100%, and every number at 200%."""
    from decisionaid.gui.controls import BODY_SIZE
    from decisionaid.gui.markdown_view import markdown_view

    for scale in (1.0, 2.0):
        shown = markdown_view("9. nine\n10. ten", scale)
        markers = [c for c in app_controls(shown) if isinstance(c, ft.Text) and c.value.endswith(".")]
        assert [m.value for m in markers] == ["9.", "10."]
        assert all(m.no_wrap and m.width >= 2 * BODY_SIZE * scale for m in markers)


def app_controls(root: ft.Control) -> list[ft.Control]:
    """Every control under `root`, depth first (without a running page)."""
    found = [root]
    for name in ("content", "controls"):
        child = getattr(root, name, None)
        for c in child if isinstance(child, list) else [child] if isinstance(child, ft.Control) else []:
            found += app_controls(c)
    return found


async def test_the_notes_and_own_question_fields_are_as_wide_as_the_page(shipped_content, tmp_path):
    """At Flet's default 300 px the notes label wrapped and "know" sat on the box's border."""
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/ready")
    for identifier in ("notes", "own-question"):
        field = app.by_identifier(identifier)
        assert isinstance(field, ft.TextField) and field.expand and field.width is None


async def test_an_ask_your_care_team_note_is_a_heading_and_separate_lines(shipped_content, tmp_path):
    """Audit D13/D21: the note was one long group label, its icon's name read twice."""
    sessions = Path(__file__).parents[1] / "testdata" / "sessions"
    shutil.copy(sessions / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route="/options")
    ask = loaded(shipped_content).text("options.ask_team")
    headings = [
        c
        for c in app.controls()
        if isinstance(c, ft.Semantics)
        and c.header
        and isinstance(c.content, ft.Text)
        and c.content.value.startswith(f"{ask}: ")
    ]
    assert headings, "no care-team note shown as a heading"
    assert all(c.heading_level == 3 for c in headings)
    named_icons = [c for c in app.controls() if isinstance(c, ft.Icon) and c.semantics_label == ask]
    assert named_icons == []


async def test_on_a_phone_axis_labels_take_turns_on_more_lines_and_bands_are_words(shipped_content, tmp_path):
    """Persona walks: at 390 px and 200% text the labels overlapped ("15' 40' 10(") and the
    band names were cut ("S", "Mod")."""
    from decisionaid.domain.figures import factor_level_chart

    sessions = Path(__file__).parents[1] / "testdata" / "sessions"
    shutil.copy(sessions / "daniel-hemophilia-b.json", tmp_path / "session.json")
    severity = factor_level_chart(loaded(shipped_content), "B").severity
    wide = await start_app(make_app(shipped_content, tmp_path), route="/options", width=1280)
    phone = await start_app(make_app(shipped_content, tmp_path), route="/options", width=390)
    assert all(band.words in phone.texts() for band in severity)
    assert not any(band.words in wide.texts() for band in severity)
    assert all(band.label in wide.texts() for band in severity)
