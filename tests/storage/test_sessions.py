"""Session files: saved atomically and privately; unreadable files moved aside, never lost."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from decisionaid.domain.session import SCHEMA_VERSION, Session
from decisionaid.storage import SessionFileError, SessionStore, read_session_file
from decisionaid.storage import sessions as storage


def test_a_saved_session_loads_back_the_same(tmp_path):
    store = SessionStore(tmp_path / "data")
    session = Session(notes="Ankle 🦶 ✓ — שלום", importance={"needles": 3})
    store.save(session)
    loaded = store.load()
    assert loaded.problem is None
    assert loaded.session == session


def test_the_file_is_readable_by_its_owner_only(tmp_path):
    store = SessionStore(tmp_path / "data")
    store.save(Session())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    store = SessionStore(tmp_path)
    store.save(Session(notes="first"))

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(storage.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        store.save(Session(notes="second"))
    assert store.load().session.notes == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]


def test_no_saved_session_starts_fresh(tmp_path):
    loaded = SessionStore(tmp_path).load()
    assert loaded.problem is None and loaded.session.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("{not json", "corrupt"),
        ("[1, 2, 3]", "foreign"),
        ('{"hello": "world"}', "foreign"),
        (json.dumps({"schema_version": SCHEMA_VERSION + 1}), "newer"),
        (json.dumps({"schema_version": SCHEMA_VERSION, "importance": {"needles": 9}}), "corrupt"),
    ],
)
def test_an_unreadable_session_is_moved_aside_and_the_app_starts_fresh(tmp_path, text, kind):
    store = SessionStore(tmp_path)
    store.path.write_text(text)
    loaded = store.load(now=dt.datetime(2026, 11, 22, 9, 30, 0))
    assert loaded.problem is not None and loaded.problem.kind == kind
    assert loaded.session == Session(created=loaded.session.created, updated=loaded.session.updated)
    assert loaded.moved_to == tmp_path / "session.json.unreadable-20261122-093000"
    assert loaded.moved_to.read_text() == text
    assert not store.path.exists()


def test_delete_my_data_removes_every_file_it_saved_and_nothing_else(tmp_path):
    store = SessionStore(tmp_path)
    store.path.write_text("{broken")
    store.load()
    store.save(Session())
    (tmp_path / "someone-elses.txt").write_text("keep")
    assert store.delete_all() == 2
    assert [p.name for p in tmp_path.iterdir()] == ["someone-elses.txt"]


def test_an_older_format_is_migrated(tmp_path, monkeypatch):
    def from_zero(doc):
        note = doc.pop("note")
        return {**doc, "schema_version": 1, "notes": note}

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 1)
    monkeypatch.setitem(storage.MIGRATIONS, 0, from_zero)
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 0, "note": "from the old app"}))
    assert read_session_file(path).notes == "from the old app"


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(SessionFileError) as caught:
        read_session_file(tmp_path / "nope.json")
    assert caught.value.kind == "missing"


def test_half_a_surrogate_pair_in_a_file_is_replaced_so_saving_still_works(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('{"schema_version": 1, "notes": "ankle \\ud800 bleed"}')
    session = read_session_file(path)
    assert session.notes == "ankle \ufffd bleed"
    SessionStore(tmp_path / "data").save(session)


def test_a_boolean_is_not_a_schema_version(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('{"schema_version": true}')
    with pytest.raises(SessionFileError) as caught:
        read_session_file(path)
    assert caught.value.kind == "foreign"


def test_delete_my_data_also_removes_temp_files_a_crash_left(tmp_path):
    store = SessionStore(tmp_path)
    store.save(Session(notes="private"))
    (tmp_path / ".session.json.abc123.tmp").write_text('{"notes": "private"}')
    assert store.delete_all() == 2
    assert list(tmp_path.iterdir()) == []


def test_keep_copy_sets_the_saved_session_aside_and_delete_all_removes_it(tmp_path):
    store = SessionStore(tmp_path)
    assert store.keep_copy() is None
    store.save(Session(notes="mine"))
    copy = store.keep_copy(dt.datetime(2026, 11, 22, 9, 30))
    assert copy is not None and copy.name == "session.json.before-open-20261122-093000"
    assert json.loads(copy.read_text())["notes"] == "mine"
    assert store.delete_all() == 2
