"""Flet's walk over added and removed controls, done without generators (issue 16): the
same patches, and the same controls added and removed, as Flet's own walk."""

from __future__ import annotations

import json

import flet as ft
import msgpack
import pytest
from flet.controls.base_control import BaseControl
from flet.controls.object_patch import DiffBuilder, ObjectPatch
from flet.messaging.protocol import configure_encode_object_for_msgpack

import decisionaid.gui.fast_diff as fast
from decisionaid.gui.app import make_app
from decisionaid.gui.routes import JOURNEY
from tests.gui.harness import HeadlessApp, pick, start_app

ENCODE = configure_encode_object_for_msgpack(BaseControl)
RENUMBERED = ("_i", "id", "control_id", "session_id", "uid")
"""Ids made per process or at random (controls, the session, its services)."""


def renumbered(value, ids: dict) -> object:
    """A decoded message or tree with the ids made per process or at random renumbered in the
    order they first appear (keys taken in sorted order: the encoder's order varies)."""
    if isinstance(value, dict):
        ordered = sorted(value.items(), key=lambda item: str(item[0]))
        return {k: ids.setdefault(v, len(ids)) if k in RENUMBERED else renumbered(v, ids) for k, v in ordered}
    if isinstance(value, list):
        return [renumbered(v, ids) for v in value]
    return value


def page_as_sent(app: HeadlessApp) -> object:
    """The whole page as the web transport would encode it, decoded and renumbered."""
    packed = msgpack.packb(app.page, default=ENCODE)
    return renumbered(msgpack.unpackb(packed, strict_map_key=False), {})


async def walk(content, data, faster: bool) -> tuple[list, list[int]]:
    """Through every page and back, answering on the way and opening a fold, with the fast
    walk or Flet's own: the page after each step, and how many controls the session knew.

    The messages themselves are not compared one by one: how Flet batches a step's updates
    into messages depends on timing (seen under load), not on the walk."""
    data.mkdir()  # the same start time: the values page's order is shuffled by it
    (data / "session.json").write_text(json.dumps({"schema_version": 2, "created": "2026-12-01T09:00:00Z"}))
    main = make_app(content, data)  # turns the fast walk on
    if not faster:
        fast.flet_control_walk()
    app = await start_app(main)
    pages, known = [], []

    def step() -> None:
        pages.append(page_as_sent(app))
        known.append(len(app.session.index))

    paths = [step.path for step in JOURNEY]
    for path in [*paths[1:], *paths[-2::-1], "/about", "/options"]:
        await app.go(path)
        step()
        if path == "/about-you":
            await pick(app, "q-hemophilia_type-B")
            step()
        if path == "/values":
            await app.click("imp-needles-4")
            step()
    await app.click(next(i for i in app.identifiers() if i.startswith("body-")))
    step()
    app.raise_errors()
    return pages, known


@pytest.fixture
def flet_walk():
    """Flet's own walk for the length of a test, then the fast one back."""
    fast.flet_control_walk()
    yield
    fast.fast_control_walk()


async def test_the_app_turns_the_fast_walk_on(shipped_content, tmp_path):
    fast.flet_control_walk()
    make_app(shipped_content, tmp_path / "data")
    assert DiffBuilder._configure_dataclass is fast.configure_dataclass
    assert DiffBuilder._removed_controls is fast.removed_controls


async def test_every_page_sends_the_same_patches_with_either_walk(shipped_content, tmp_path, flet_walk):
    theirs, their_index = await walk(shipped_content, tmp_path / "flet", faster=False)
    assert DiffBuilder._configure_dataclass is fast.ORIGINAL[0]
    ours, our_index = await walk(shipped_content, tmp_path / "fast", faster=True)
    assert DiffBuilder._configure_dataclass is fast.configure_dataclass
    assert len(theirs) == 23
    assert our_index == their_index  # the same controls added and removed
    for n, (mine, flets) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == flets, f"the page after step {n} differs at {first_difference(mine, flets)}"


def first_difference(mine, flets, where: str = "") -> str:
    """Where two decoded messages first differ, and how."""
    if type(mine) is not type(flets):
        return f"{where}: {mine!r:.80} against {flets!r:.80}"
    if isinstance(mine, dict):
        for key in sorted(set(mine) | set(flets), key=str):
            if mine.get(key) != flets.get(key):
                return first_difference(mine.get(key), flets.get(key), f"{where}/{key}")
    if isinstance(mine, list):
        if len(mine) != len(flets):
            return f"{where}: {len(mine)} items against {len(flets)}"
        for i, (a, b) in enumerate(zip(mine, flets, strict=True)):
            if a != b:
                return first_difference(a, b, f"{where}[{i}]")
    return f"{where}: {mine!r:.80} against {flets!r:.80}"


def test_on_another_flet_version_flet_is_left_alone(monkeypatch, flet_walk):
    monkeypatch.setattr(fast, "flet_version", "1.0.6")
    assert not fast.fast_control_walk()
    assert DiffBuilder._configure_dataclass is fast.ORIGINAL[0]
    assert DiffBuilder._removed_controls is fast.ORIGINAL[1]


def tree(words: list[str]) -> ft.Control:
    """A page-like tree: controls in lists, in a dict-valued style, in a value object, nested."""
    style = ft.ButtonStyle(side={ft.ControlState.FOCUSED: ft.BorderSide(3, ft.Colors.PRIMARY)})
    return ft.Column(
        [
            ft.Semantics(identifier="top", content=ft.Text("Title")),
            ft.Row([ft.OutlinedButton(content=w, style=style) for w in words]),
            ft.ExpansionTile(title=ft.Text("Fold"), controls=[ft.Text(w) for w in words]),
            ft.Container(ft.Column([ft.Text(w, spans=[ft.TextSpan(w)]) for w in words]), padding=4),
        ]
    )


def walked(old: ft.Control | None, new: ft.Control) -> tuple[list, list, list]:
    """The controls one diff adds and removes (by class, in order), and how each added one
    was configured (its parent's class, frozen, initialised)."""
    _, added, removed = ObjectPatch.from_diff(old, new, control_cls=BaseControl)
    setup = [
        (
            type(c).__name__,
            type(c.parent).__name__ if c.parent else None,
            getattr(c, "_frozen", None),
            c._initialized,
        )
        for c in added
    ]
    return [type(c).__name__ for c in added], [type(c).__name__ for c in removed], setup


def test_the_walks_add_remove_and_configure_the_same_controls_in_the_same_order(flet_walk):
    first, second = ["a", "b", "c"], ["b", "d"]
    theirs = [walked(None, old := tree(first)), walked(old, tree(second))]
    fast.fast_control_walk()
    ours = [walked(None, old := tree(first)), walked(old, tree(second))]
    assert len(theirs[0][0]) == 20 and theirs[1][1]  # the second diff removes controls
    assert ours == theirs
