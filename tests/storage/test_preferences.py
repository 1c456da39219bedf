"""Display settings: saved apart from the answers, and never a reason to stop."""

from __future__ import annotations

import stat

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
