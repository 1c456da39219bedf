"""Bad files in the app: refused plainly in clinician mode, and no stop to "delete my data"."""

from __future__ import annotations

import errno
import os

import pytest

from decisionaid.gui.state import AppState
from tests.storage.bad_session_files import KINDS, BadFile

CLINIC_KINDS = [k for k in KINDS if k.in_clinic is not None]


@pytest.mark.parametrize("bad", CLINIC_KINDS, ids=lambda b: b.name)
def test_a_bad_session_file_a_clinician_picks_is_refused_plainly_or_opened(content, tmp_path, bad: BadFile):
    picked = tmp_path / "picked.json"
    bad.make(picked, tmp_path)
    state = AppState(content, tmp_path / "data")
    state.load()
    state.change(notes="already on this device")
    problem = state.open_session_file(picked.name, picked.read_bytes())
    if bad.in_clinic == "refused":
        assert problem is not None and problem.startswith("This file could not be opened")
        assert "Traceback" not in problem
        assert state.session.notes == "already on this device"
        assert state.opened_file is None
    else:
        assert problem is None and state.opened_file == "picked.json"
    # What the clinician view shows at once: when the answers were saved, in local time.
    state.session.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    state.session.created.astimezone().strftime("%Y-%m-%d %H:%M")


def test_delete_my_data_with_a_folder_set_aside_still_removes_the_display_file(content, tmp_path):
    data = tmp_path / "data"
    (data / "session.json").mkdir(parents=True)
    (data / "session.json" / "inside.txt").write_text("not written by the app")
    state = AppState(content, data)
    state.load()  # the folder is moved aside, and the person is told
    assert state.notice is not None
    state.set_display(theme="dark")
    state.change(notes="private")
    (data / ".display.json.x.tmp").write_text("{}")
    assert state.delete_my_data() == 3
    assert not (data / "display.json").exists() and not (data / "session.json").exists()
    assert [p.name for p in data.iterdir() if not p.name.startswith("session.json.unreadable-")] == []


def test_a_bad_file_in_a_folder_that_cannot_be_changed_is_explained_and_the_app_starts(
    content, tmp_path, monkeypatch
):
    data = tmp_path / "data"
    data.mkdir()
    (data / "session.json").write_text("{broken")

    def read_only(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    state = AppState(content, data)
    state.load()
    assert state.notice is not None
    assert "cannot be changed" in state.notice and str(data / "session.json") in state.notice
    assert "None" not in state.notice
    assert (data / "session.json").read_text() == "{broken"
