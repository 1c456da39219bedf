"""Every interactive control on every page has a stable identifier and a label."""

from __future__ import annotations

import shutil
from pathlib import Path

import flet as ft
import pytest

from decisionaid.gui.app import make_app
from decisionaid.gui.routes import ASIDE, JOURNEY
from tests.gui.harness import start_app

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
INTERACTIVE = (
    ft.FilledButton,
    ft.OutlinedButton,
    ft.TextButton,
    ft.IconButton,
    ft.Checkbox,
    ft.Radio,
    ft.TextField,
    ft.ExpansionTile,
    ft.Dropdown,
    ft.Switch,
)


def label_of(control) -> str:
    """What a screen reader would read for this control."""
    for name in ("label", "content", "title", "tooltip", "semantics_label"):
        value = getattr(control, name, None)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, ft.Text) and value.value:
            return value.value
    return ""


def merged_words(app) -> dict[str, str]:
    """Identifier -> the words a MergeSemantics joins into one node with the control it holds."""
    found = {}
    for merge in (c for c in app.controls() if isinstance(c, ft.MergeSemantics)):
        inner = merge.content
        if isinstance(inner, ft.Semantics) and inner.identifier:
            words = [c.value for c in app.controls(inner) if isinstance(c, ft.Text) and c.value]
            words += [c.content for c in app.controls(inner) if isinstance(getattr(c, "content", None), str)]
            found[inner.identifier] = " ".join(words)
    return found


@pytest.mark.parametrize("step", [*JOURNEY, *ASIDE], ids=lambda s: s.key)
async def test_every_control_has_an_identifier_and_a_label(shipped_content, tmp_path, step):
    # A full session, so every page shows all it can (fit bars, questions, notes).
    shutil.copy(SESSIONS / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route=step.path)
    found = [(c, identifier) for c, identifier in app.controls_in_context() if isinstance(c, INTERACTIVE)]
    assert found, f"no interactive controls found on {step.path}"
    missing = [type(c).__name__ + ":" + label_of(c)[:40] for c, identifier in found if not identifier]
    assert missing == []
    # A control's label, or the words merged into its node (radio_group, checkbox_choice, choice_row).
    merged = merged_words(app)
    unlabelled = [i for c, i in found if not (label_of(c) or merged.get(i))]
    assert unlabelled == []
    # Each control has its own handle: one inside another's Semantics would share it.
    identifiers = [identifier for _, identifier in found]
    shared = sorted({i for i in identifiers if identifiers.count(i) > 1})
    assert shared == []


@pytest.mark.parametrize("step", [*JOURNEY, *ASIDE], ids=lambda s: s.key)
async def test_no_plain_text_is_selectable_because_flutter_web_hides_it_from_screen_readers(
    shipped_content, tmp_path, step
):
    """Seen in Chromium: a `Text(selectable=True)` is left out of the accessibility tree, so a
    screen reader never reads it (the person's own questions were missing)."""
    shutil.copy(SESSIONS / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route=step.path)
    texts = [c for c in app.controls() if isinstance(c, ft.Text)]
    assert texts, f"no text found on {step.path}"
    assert [t.value[:40] for t in texts if t.selectable] == []


@pytest.mark.parametrize("step", [*JOURNEY, *ASIDE], ids=lambda s: s.key)
async def test_bars_are_drawn_from_theme_pairs_that_contrast_and_markdown_is_no_tab_stop(
    shipped_content, tmp_path, step
):
    """Audit D6: left to Flutter, the high-contrast theme drew the track in the fill's colour,
    so every bar looked full. Audit D10: selectable Markdown is a nameless Tab stop."""
    shutil.copy(SESSIONS / "daniel-hemophilia-b.json", tmp_path / "session.json")
    app = await start_app(make_app(shipped_content, tmp_path), route=step.path)
    bars = [c for c in app.controls() if isinstance(c, ft.ProgressBar)]
    assert [(b.color, b.bgcolor) for b in bars] == [
        (ft.Colors.PRIMARY, ft.Colors.SURFACE_CONTAINER_HIGHEST)
    ] * len(bars)
    assert [m.value[:30] for m in app.controls() if isinstance(m, ft.Markdown) and m.selectable] == []
