"""The answers about deciding with others are optional fields: files saved before them load
unchanged, and what a person types about others is kept whole, whatever the script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decisionaid.domain.merge import merge_sessions
from decisionaid.domain.session import SCHEMA_VERSION, Session
from decisionaid.storage import SessionStore, read_session_file

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
NEW_FIELDS = {
    "modules_opened": [],
    "start_leaning": None,
    "start_certainty": None,
    "certainty": None,
    "others_involved": [],
    "others_prefer": {},
    "pressure": None,
    "others_view": "",
}


@pytest.mark.parametrize("name", ["daniel-hemophilia-b", "ray-hemophilia-a"])
def test_a_file_saved_before_these_answers_existed_loads_with_every_answer_and_none_of_these(name, tmp_path):
    # A format 3 file as the app wrote it before these fields: the sample, every field but these.
    full = json.loads(read_session_file(SESSIONS / f"{name}.json").model_dump_json())
    document = {k: v for k, v in full.items() if k not in NEW_FIELDS}
    path = tmp_path / "session.json"
    path.write_text(json.dumps(document))
    session = read_session_file(path)
    # The format number is unchanged: these fields need no migration.
    assert session.schema_version == document["schema_version"] == SCHEMA_VERSION == 5
    dumped = json.loads(session.model_dump_json())
    for key, value in document.items():
        if key not in ("created", "updated"):
            assert dumped[key] == value, key
    assert {k: dumped[k] for k in NEW_FIELDS} == NEW_FIELDS


def test_every_answer_about_others_and_the_leaning_is_saved_and_loads_back_the_same(tmp_path):
    store = SessionStore(tmp_path / "data")
    session = Session(
        modules_opened=["01-hemophilia-basics"],
        start_leaning="not_sure",
        start_certainty="a_little",
        leaning="hemgenix",
        certainty="quite",
        others_involved=["partner", "parent"],
        others_prefer={"partner": "hemgenix", "parent": "not_said"},
        pressure="yes",
        others_view="زوجتي تفضل الانتظار\n\u202eodd\x00 *text* <b>𝔘</b> 🦶" + "x" * 9_000,
    )
    store.save(session)
    loaded = store.load()
    assert loaded.problem is None
    assert loaded.session == session


def test_a_wrong_value_for_who_is_involved_is_refused_in_plain_words_and_the_file_kept(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "session.json").write_text(json.dumps({"schema_version": 3, "others_involved": ["the king"]}))
    loaded = SessionStore(data).load()
    assert loaded.problem is not None and "others_involved" in loaded.problem.detail
    assert loaded.moved_to is not None and loaded.moved_to.exists()


def test_two_windows_keep_both_views_and_each_persons_preference():
    base = Session()
    mine = base.model_copy(update={"others_view": "Mine", "others_prefer": {"partner": "hemgenix"}})
    theirs = base.model_copy(update={"others_view": "Theirs", "others_prefer": {"parent": "not_sure"}})
    merged = merge_sessions(base, mine, theirs)
    assert merged.session.others_view == "Theirs\n\nMine"
    assert merged.session.others_prefer == {"parent": "not_sure", "partner": "hemgenix"}
    assert merged.kept_both == (("others_view",),)
