"""Flet's walk over added and removed controls, done without generators (issue 16): the
same patches, and the same controls added and removed, as Flet's own walk."""

from __future__ import annotations

import json

import msgpack
import pytest
from flet.controls.base_control import BaseControl
from flet.controls.object_patch import DiffBuilder
from flet.messaging.protocol import configure_encode_object_for_msgpack

import decisionaid.gui.fast_diff as fast
from decisionaid.gui.app import make_app
from decisionaid.gui.routes import JOURNEY
from tests.gui.harness import HeadlessApp, pick, start_app

ENCODE = configure_encode_object_for_msgpack(BaseControl)
RENUMBERED = ("_i", "id", "control_id", "session_id", "uid")
"""Ids made per process or at random (controls, the session, its services)."""


def wire(app: HeadlessApp) -> list:
    """Every message the app sent, decoded from the bytes the web transport sends, with the
    ids made per process or at random renumbered in the order they first appear."""
    ids: dict[int, int] = {}

    def same(value):
        if isinstance(value, dict):
            # Keys in sorted order: the encoder's key order differs from run to run.
            ordered = sorted(value.items(), key=lambda item: str(item[0]))
            return {k: ids.setdefault(v, len(ids)) if k in RENUMBERED else same(v) for k, v in ordered}
        if isinstance(value, list):
            return [same(v) for v in value]
        return value

    packed = [msgpack.packb([m.action, m.body], default=ENCODE) for m in app.client.sent]
    return [same(msgpack.unpackb(p, strict_map_key=False)) for p in packed]


async def walk(content, data, faster: bool) -> tuple[list, list[int]]:
    """Through every page and back, answering on the way and opening a fold, with the fast
    walk or Flet's own; what was sent, and how many controls the session knew after each step."""
    data.mkdir()  # the same start time: the values page's order is shuffled by it
    (data / "session.json").write_text(json.dumps({"schema_version": 2, "created": "2026-12-01T09:00:00Z"}))
    main = make_app(content, data)  # turns the fast walk on
    if not faster:
        fast.flet_control_walk()
    app = await start_app(main)
    known = []
    paths = [step.path for step in JOURNEY]
    for path in [*paths[1:], *paths[-2::-1], "/about", "/options"]:
        await app.go(path)
        known.append(len(app.session.index))
        if path == "/about-you":
            await pick(app, "q-hemophilia_type-B")
        if path == "/values":
            await app.click("imp-needles-4")
    await app.click(next(i for i in app.identifiers() if i.startswith("body-")))
    known.append(len(app.session.index))
    app.raise_errors()
    return wire(app), known


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
    assert len(theirs) >= 20  # a patch or more per step
    assert our_index == their_index  # the same controls added and removed
    for n, (mine, flets) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == flets, f"message {n} differs at {first_difference(mine, flets)}"


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
