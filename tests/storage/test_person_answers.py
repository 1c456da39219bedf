"""Issue 14: the answers added to "About you" are optional fields with defaults, so a session
file written before them loads unchanged, and the new answers save and load back."""

from __future__ import annotations

import json

from decisionaid.domain.session import SCHEMA_VERSION, Profile, Session
from decisionaid.storage import SessionStore

NEW_ANSWERS = {
    "sex": "female",
    "region": "uk",
    "hiv": "prefer_not_to_say",
    "hepatitis_b": "past",
    "hepatitis_c": "past_cured",
    "heart_risk": "not_sure",
    "age_group": "under_12",
    "alcohol": "prefer_not_to_say",
}


def test_a_session_file_from_before_the_new_questions_loads_unchanged(tmp_path):
    store = SessionStore(tmp_path)
    old = {
        "schema_version": SCHEMA_VERSION,
        "profile": {"hemophilia_type": "B", "severity": "severe", "age_group": "under_18", "alcohol": "none"},
        "notes": "kept",
    }
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps(old))
    loaded = store.load()
    assert loaded.problem is None
    profile = loaded.session.profile
    assert (profile.hemophilia_type, profile.age_group, loaded.session.notes) == ("B", "under_18", "kept")
    new_fields = ("sex", "region", "hiv", "hepatitis_b", "hepatitis_c", "heart_risk")
    assert all(getattr(profile, field) is None for field in new_fields)


def test_the_new_answers_save_and_load_back_with_the_same_format_number(tmp_path):
    store = SessionStore(tmp_path)
    session = Session(profile=Profile(hemophilia_type="B", **NEW_ANSWERS))
    store.save(session)
    saved = json.loads(store.path.read_text())
    assert saved["schema_version"] == SCHEMA_VERSION == 5
    assert saved["profile"]["region"] == "uk"
    assert store.load().session == session
