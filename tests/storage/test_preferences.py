"""Display settings: saved apart from the answers, and never a reason to stop."""

from __future__ import annotations

import os
import stat

import pytest

from decisionaid.domain.preferences import Display
from decisionaid.storage import DisplayStore


def test_settings_round_trip_and_are_readable_by_the_owner_only(tmp_path):
    store = DisplayStore(tmp_path)
    store.save(Display(text_scale=1.75, theme="contrast"))
    assert DisplayStore(tmp_path).load() == Display(text_scale=1.75, theme="contrast")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_no_file_gives_the_defaults(tmp_path):
    assert DisplayStore(tmp_path).load() == Display()


def test_a_damaged_or_odd_file_gives_the_defaults(tmp_path):
    store = DisplayStore(tmp_path)
    for text in ("{not json", '{"text_scale": 9}', '["a list"]', ""):
        store.path.write_text(text, encoding="utf-8")
        assert store.load() == Display()


def test_a_newer_file_with_more_settings_still_loads(tmp_path):
    store = DisplayStore(tmp_path)
    store.path.write_text('{"text_scale": 1.5, "theme": "dark", "motion": "reduced"}', encoding="utf-8")
    assert store.load() == Display(text_scale=1.5, theme="dark")


def test_delete_removes_the_file_and_leftover_temp_files(tmp_path):
    store = DisplayStore(tmp_path)
    store.save(Display(theme="dark"))
    (tmp_path / ".display.json.abc.tmp").write_text("x")
    assert store.delete() == 2
    assert list(tmp_path.iterdir()) == []


def _fill(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


DISPLAY_KINDS = {
    # The six forms the reliability test tried.
    "deep nesting": _fill('{"text_scale": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    "5,000-digit integer": _fill('{"text_scale": ' + "9" * 5000 + "}"),
    "binary garbage": lambda path: path.write_bytes(bytes(range(256)) * 16),
    "empty": _fill(""),
    "wrong types": _fill('{"text_scale": "huge", "theme": 7}'),
    "array": _fill('["dark"]'),
    # And the ways a file can be something else than a file.
    "link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
    "a named pipe": lambda path: os.mkfifo(path),
    "a folder": lambda path: path.mkdir(),
    "50 MB": _fill('{"theme": "dark"' + " " * (50 * 1024 * 1024) + "}"),
    "a symlink loop": lambda path: path.symlink_to(path),
}


@pytest.mark.parametrize("make", DISPLAY_KINDS.values(), ids=DISPLAY_KINDS.keys())
def test_a_bad_display_file_gives_the_defaults_and_settings_can_be_saved_again(tmp_path, make):
    store = DisplayStore(tmp_path)
    make(store.path)
    assert store.load() == Display()
    store.save(Display(theme="dark"))
    assert DisplayStore(tmp_path).load() == Display(theme="dark")


def test_a_display_file_with_a_bom_is_read(tmp_path):
    store = DisplayStore(tmp_path)
    store.path.write_bytes(b"\xef\xbb\xbf" + b'{"text_scale": 1.5, "theme": "dark"}')
    assert store.load() == Display(text_scale=1.5, theme="dark")


def test_temp_files_a_crash_left_are_removed_when_the_settings_are_read(tmp_path):
    (tmp_path / ".display.json.abc.tmp").write_text('{"theme": "dark"}')
    DisplayStore(tmp_path).load()
    assert list(tmp_path.iterdir()) == []


def test_delete_never_stops_on_an_odd_entry_and_removes_the_settings_file(tmp_path):
    store = DisplayStore(tmp_path)
    store.save(Display(theme="dark"))
    (tmp_path / ".display.json.odd.tmp").mkdir()
    assert store.delete() == 2
    assert list(tmp_path.iterdir()) == []
