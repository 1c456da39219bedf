"""Session files: saved atomically and privately; unreadable files moved aside, never lost."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat

import pytest

from decisionaid.domain.session import SCHEMA_VERSION, Session
from decisionaid.storage import SessionFileError, SessionStore, read_session_file
from decisionaid.storage import sessions as storage
from decisionaid.storage.sessions import session_json


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


def test_temp_files_a_crash_left_are_removed_at_the_next_start(tmp_path):
    store = SessionStore(tmp_path)
    store.save(Session(notes="mine"))
    for name in (".session.json.a1b2.tmp", ".session.json.before-open-x.c3d4.tmp"):
        (tmp_path / name).write_text('{"notes": "private"}')
    (tmp_path / ".display.json.e5f6.tmp").write_text("{}")
    (tmp_path / "notes-from-user.tmp").write_text("not ours")
    assert store.load().session.notes == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".display.json.e5f6.tmp",  # the display store sweeps its own
        "notes-from-user.tmp",
        "session.json",
    ]


def test_a_temp_file_another_save_is_still_writing_is_left_alone_at_start(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    store = SessionStore(tmp_path)
    busy = tmp_path / ".session.json.busy.tmp"
    with busy.open("w") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        store.load()
        assert busy.exists()
    store.load()
    assert not busy.exists()


def test_opening_two_files_in_the_same_second_keeps_both_earlier_answers(tmp_path):
    store = SessionStore(tmp_path)
    same_second = dt.datetime(2026, 11, 22, 9, 30)
    store.save(Session(notes="the device's own answers"))
    first = store.keep_copy(same_second)
    store.save(Session(notes="file A"))
    second = store.keep_copy(same_second)
    assert first is not None and second is not None and first != second
    assert json.loads(first.read_text())["notes"] == "the device's own answers"
    assert json.loads(second.read_text())["notes"] == "file A"
    assert stat.S_IMODE(second.stat().st_mode) == 0o600


def test_two_unreadable_files_set_aside_in_the_same_second_are_both_kept(tmp_path):
    store = SessionStore(tmp_path)
    same_second = dt.datetime(2026, 11, 22, 9, 30)
    store.path.write_text("{first")
    first = store.load(now=same_second).moved_to
    store.path.write_text("{second")
    second = store.load(now=same_second).moved_to
    assert first is not None and second is not None and first != second
    assert (first.read_text(), second.read_text()) == ("{first", "{second")


def test_when_a_bad_file_cannot_be_moved_aside_the_app_starts_fresh_and_never_overwrites_it(
    tmp_path, monkeypatch
):
    store = SessionStore(tmp_path)
    store.path.write_text("{broken")
    real_replace = os.replace

    def read_only(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(storage.os, "replace", read_only)
    loaded = store.load()
    assert loaded.problem is not None and loaded.moved_to is None
    assert loaded.session.notes == ""
    with pytest.raises(OSError):
        store.save(Session(notes="typed while read-only"))
    assert store.path.read_text() == "{broken"
    monkeypatch.setattr(storage.os, "replace", real_replace)
    store.save(Session(notes="typed when it could save again"))
    assert store.load().session.notes == "typed when it could save again"
    assert [p.read_text() for p in tmp_path.glob("session.json.unreadable-*")] == ["{broken"]


def test_delete_my_data_survives_a_folder_set_aside_and_every_file_the_app_left(tmp_path):
    store = SessionStore(tmp_path)
    store.path.mkdir()
    (store.path / "inside.txt").write_text("not written by the app")
    store.load()  # the folder is moved aside
    store.path.with_name("session.json.unreadable-empty").mkdir()
    store.save(Session(notes="private"))
    store.keep_copy()
    (tmp_path / ".session.json.x.tmp").write_text("private")
    (tmp_path / "session.json.link").symlink_to(tmp_path / "nowhere")
    (tmp_path / "someone-elses.txt").write_text("keep")
    assert store.delete_all() == 5
    assert sorted(p.name for p in tmp_path.iterdir() if not p.is_dir()) == ["someone-elses.txt"]
    # The folder the app set aside holds files it never wrote: it is left, not emptied.
    (folder,) = (p for p in tmp_path.iterdir() if p.is_dir())
    assert folder.name.startswith("session.json.unreadable-")
    assert (folder / "inside.txt").read_text() == "not written by the app"


def test_a_version_1_session_is_read_as_the_current_version_with_nothing_picked_on_compare(tmp_path):
    path = tmp_path / "session.json"
    path.write_text('{"schema_version": 1, "notes": "left ankle", "leaning": "hemgenix"}')
    session = read_session_file(path)
    assert session.schema_version == SCHEMA_VERSION
    assert session.compare_picks is None
    assert (session.notes, session.leaning) == ("left ankle", "hemgenix")


VERSION_2 = {
    "schema_version": 2,
    "content_version": "2026.11",
    "created": "2026-11-18T19:02:00Z",
    "updated": "2026-11-20T21:40:00Z",
    "last_route": "/values",
    "profile": {"hemophilia_type": "B", "severity": "severe", "current_treatment": "factor9-extended"},
    "modules_read": ["how-gene-therapy-works"],
    "knowledge_answers": {"given_once": 1},
    "importance": {"treatment_burden": 4, "needles": 0, "track_record": 3},
    "hard_limits": ["vein_infusions"],
    "leaning": "not_sure",
    "readiness": {"know_options": True},
    "preferred_role": "shared",
    "questions_chosen": ["q1"],
    "own_questions": ["Can I still play football?"],
    "compare_picks": ["hemgenix", "factor9-extended"],
    "notes": "left ankle",
    "clinician_notes": "From the nurse",
}


def test_a_version_2_session_is_read_as_version_3_with_no_top_priorities_chosen_yet(tmp_path):
    path = tmp_path / "session.json"
    path.write_text(json.dumps(VERSION_2))
    session = read_session_file(path)
    assert session.schema_version == SCHEMA_VERSION == 5  # 2 -> 3 -> 4 -> 5 (M6-9, V8-9b)
    assert session.top_priorities == []


def test_a_version_2_session_keeps_every_answer_when_it_is_read_as_version_3(tmp_path):
    path = tmp_path / "session.json"
    path.write_text(json.dumps(VERSION_2))
    document = json.loads(session_json(read_session_file(path)))
    profile = document.pop("profile")
    assert {k: v for k, v in profile.items() if v is not None} == VERSION_2["profile"]
    kept = {k: v for k, v in VERSION_2.items() if k not in ("schema_version", "profile")}
    for name, value in kept.items():
        if name in ("created", "updated"):
            assert document[name].startswith(value.removesuffix("Z")), name
        else:
            assert document[name] == value, name


def test_a_version_2_file_saved_again_is_version_3_and_loads_back_the_same(tmp_path):
    store = SessionStore(tmp_path)
    store.path.write_text(json.dumps(VERSION_2))
    loaded = store.load()
    assert loaded.problem is None
    store.save(loaded.session)
    assert json.loads(store.path.read_text())["schema_version"] == SCHEMA_VERSION == 5
    assert store.load().session == loaded.session


def test_top_priorities_keep_the_order_chosen(tmp_path):
    store = SessionStore(tmp_path)
    store.save(Session(top_priorities=["needles", "treatment_burden", "track_record"]))
    assert store.load().session.top_priorities == ["needles", "treatment_burden", "track_record"]


def test_a_file_with_a_repeated_or_fourth_top_priority_loads_with_the_first_three_distinct(tmp_path):
    path = tmp_path / "session.json"
    document = {**VERSION_2, "schema_version": 3, "top_priorities": ["needles", "needles", "a", "b", "c"]}
    path.write_text(json.dumps(document))
    session = read_session_file(path)
    assert session.top_priorities == ["needles", "a", "b"]
    assert session.notes == "left ankle"


def test_a_version_3_session_is_read_with_its_knowledge_answers_read_by_number(tmp_path):
    """M6-9: version 4 keeps the words of each knowledge answer; a version 3 file has none."""
    path = tmp_path / "session.json"
    path.write_text(json.dumps({"schema_version": 3, "knowledge_answers": {"k1": 2}}))
    session = read_session_file(path)
    assert session.schema_version == SCHEMA_VERSION == 5
    assert session.knowledge_answers == {"k1": 2} and session.knowledge_picked == {}


def test_a_version_4_session_keeps_its_knowledge_answers_and_words_with_no_fingerprints(tmp_path):
    """V8-9b: version 5 keeps a fingerprint of each question as answered; a version 4 file has
    none, so its answers are checked by their words alone."""
    path = tmp_path / "session.json"
    document = {"schema_version": 4, "knowledge_answers": {"k1": 2}, "knowledge_picked": {"k1": "Yes"}}
    path.write_text(json.dumps(document))
    session = read_session_file(path)
    assert session.schema_version == SCHEMA_VERSION == 5
    assert session.knowledge_picked == {"k1": "Yes"} and session.knowledge_asked == {}
