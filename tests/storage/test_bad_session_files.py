"""Every kind of bad session file is moved aside with a plain reason, or read safely.

The table is in `bad_session_files.py`; the CLI and clinician mode use it too.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from decisionaid.domain.session import SCHEMA_VERSION, Session
from decisionaid.storage import SessionStore
from tests.storage.bad_session_files import KINDS, BadFile

START = dt.datetime(2026, 11, 22, 9, 30)


def _usable(session: Session) -> None:
    """What the app does with a session at once: show its dates in local time, save it."""
    session.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    session.created.astimezone().strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("bad", KINDS, ids=lambda b: b.name)
def test_a_bad_session_file_at_app_start_is_moved_aside_or_read_safely(tmp_path, bad: BadFile):
    data = tmp_path / "data"
    data.mkdir()
    store = SessionStore(data)
    bad.make(store.path, tmp_path)
    loaded = store.load(now=START)
    if bad.at_start == "refused":
        assert loaded.problem is not None and loaded.problem.detail
        assert "Traceback" not in loaded.problem.detail
        assert loaded.moved_to == data / "session.json.unreadable-20261122-093000"
        assert os.path.lexists(loaded.moved_to), "the file is kept, never deleted"
        assert not os.path.lexists(store.path)
    else:
        assert loaded.problem is None
        if bad.at_start == "fresh":
            assert loaded.session.notes == ""
        else:
            assert loaded.session.schema_version == SCHEMA_VERSION
    _usable(loaded.session)
    store.save(loaded.session)
    again = store.load()
    assert again.problem is None
    _usable(again.session)


def test_a_session_at_the_size_limit_with_long_notes_still_loads(tmp_path):
    from decisionaid.storage.sessions import MAX_SESSION_BYTES

    store = SessionStore(tmp_path)
    notes = "Left ankle bleed after football. " * (MAX_SESSION_BYTES // 40)
    store.save(Session(notes=notes, clinician_notes="Discussed liver tests. " * 400))
    assert store.path.stat().st_size <= MAX_SESSION_BYTES
    assert store.load().session.notes == notes


def test_a_file_one_byte_over_the_limit_is_refused_and_says_how_big_it_may_be(tmp_path):
    from decisionaid.storage.sessions import MAX_SESSION_BYTES

    store = SessionStore(tmp_path)
    text = '{"schema_version": 1, "notes": "'
    store.path.write_text(text + "x" * (MAX_SESSION_BYTES - len(text) - 1) + '"}')
    loaded = store.load()
    assert loaded.problem is not None and "too big" in loaded.problem.detail
    assert "MB" in loaded.problem.detail


def test_dates_beyond_what_a_clock_can_show_are_brought_within_range():
    far = Session.model_validate(
        {"updated": "9999-12-31T23:59:59-12:00", "created": "0001-01-01T00:00+14:00"}
    )
    assert far.updated.tzinfo is not None and far.created.tzinfo is not None
    for offset in (-23, 0, 23):
        zone = dt.timezone(dt.timedelta(hours=offset, minutes=59 if offset > 0 else 0))
        far.updated.astimezone(zone)
        far.created.astimezone(zone)
    assert far.updated.year == 9999 and far.created.year == 1


def test_a_time_without_a_zone_is_read_as_utc():
    session = Session.model_validate({"updated": "2026-11-22T09:30:00"})
    assert session.updated == dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)
