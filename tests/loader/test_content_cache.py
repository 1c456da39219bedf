"""The content cache (issue 16): a second start reads the loaded content back from JSON, and
anything that could make it wrong (an edited file, a broken or hand-made cache, a folder
that cannot be written) falls back to loading the files, never to stale or failed content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decisionaid import locations
from decisionaid.loader import ContentProblems, load_content
from decisionaid.loader import load as load_module
from decisionaid.loader.cache import cached_content, content_key


def _files(cache: Path) -> list[Path]:
    return sorted(cache.glob("content-*.json"))


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the content files were read again")

    monkeypatch.setattr(load_module, "load_content", refuse)


def test_the_second_start_reads_the_content_from_the_cache_and_it_is_the_same(
    content_copy, tmp_path, monkeypatch
):
    root, cache = content_copy(), tmp_path / "cache"
    first = cached_content(root, cache)
    assert first == load_content(root)
    assert len(_files(cache)) == 1
    _no_loading(monkeypatch)
    assert cached_content(root, cache) == first


def test_an_edited_content_file_is_read_afresh_not_from_the_cache(content_copy, tmp_path):
    root, cache = content_copy(), tmp_path / "cache"
    before = cached_content(root, cache)
    ui = root / "ui.yaml"
    ui.write_text(ui.read_text().replace('app.title: "', 'app.title: "Edited: ', 1))
    after = cached_content(root, cache)
    assert after.text("app.title") == "Edited: " + before.text("app.title")
    assert len(_files(cache)) == 1  # the old version's file is gone


def test_the_key_changes_with_any_byte_of_the_content_and_not_with_file_times(content_copy):
    root = content_copy()
    key = content_key(root)
    about = root / "about.md"
    about.touch()
    assert content_key(root) == key
    about.write_bytes(about.read_bytes() + b" ")
    assert content_key(root) != key


@pytest.mark.parametrize(
    "broken",
    [
        b"",
        b'{"cut short',
        b"\xff\xfe not json",
        b"[]",
        b'{"hand": "made"}',
    ],
    ids=["empty", "cut short", "not text", "a list", "another shape"],
)
def test_a_broken_or_hand_made_cache_file_is_ignored_and_replaced(content_copy, tmp_path, broken):
    root, cache = content_copy(), tmp_path / "cache"
    good = cached_content(root, cache)
    (path,) = _files(cache)
    path.write_bytes(broken)
    assert cached_content(root, cache) == good
    assert json.loads(path.read_bytes())["about"]["title"] == good.about.title


def test_a_cache_with_a_field_the_models_do_not_know_is_not_used(content_copy, tmp_path):
    root, cache = content_copy(), tmp_path / "cache"
    good = cached_content(root, cache)
    (path,) = _files(cache)
    data = json.loads(path.read_bytes())
    data["about"]["planted"] = "from an older or newer shape"
    path.write_text(json.dumps(data))
    assert cached_content(root, cache) == good
    assert "planted" not in json.loads(path.read_bytes())["about"]


def test_a_cache_folder_that_cannot_be_written_still_loads_the_content(content_copy, tmp_path):
    root = content_copy()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert cached_content(root, blocked / "cache") == load_content(root)
    assert not list(tmp_path.glob(".content-*.tmp"))


def test_content_with_problems_is_reported_and_never_cached(content_copy, tmp_path):
    root, cache = content_copy(), tmp_path / "cache"
    (root / "about.md").write_text("---\ntitle: [unclosed\n---\n")
    with pytest.raises(ContentProblems):
        cached_content(root, cache)
    assert _files(cache) == []


def test_no_cache_folder_means_no_cache(content_copy, tmp_path, monkeypatch):
    root = content_copy()
    assert cached_content(root, None) == load_content(root)
    monkeypatch.setenv("DECISIONAID_CACHE_DIR", "")
    assert locations.cache_dir() is None
    monkeypatch.setenv("DECISIONAID_CACHE_DIR", str(tmp_path / "c"))
    assert locations.cache_dir() == tmp_path / "c"
