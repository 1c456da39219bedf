"""Clinician mode in a headless session: open a file, see it at a glance, add notes."""

from __future__ import annotations

import json
from pathlib import Path

from decisionaid.gui.app import make_app
from decisionaid.storage import read_session_file
from tests.content_once import loaded
from tests.gui.harness import start_app

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"


def picked(name: str, data: bytes) -> dict:
    return {"id": 0, "name": name, "size": len(data), "path": None, "bytes": list(data)}


async def test_the_welcome_page_leads_to_clinician_mode(app, shipped_content):
    await app.click("clinician")
    assert app.page.route == "/clinician"
    assert loaded(shipped_content).ui["clinician.intro"] in app.texts()


async def test_opening_a_patients_file_shows_it_and_keeps_the_device_answers(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/values")
    await app.click("imp-needles-4")  # answers already on this device
    await app.go("/clinician")
    data = (SESSIONS / "daniel-hemophilia-b.json").read_bytes()
    app.client.files_to_pick = [picked("daniel.json", data)]
    await app.click("open-session")
    ui = loaded(shipped_content).ui
    assert any(t.startswith("Showing the session file daniel.json") for t in app.texts())
    assert "Hemophilia B" in app.text()
    assert ui["clinician.point.unsure"] in " ".join(app.texts())
    kept = list(tmp_path.glob("session.json.before-open-*"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["importance"] == {"needles": 4}
    saved = read_session_file(tmp_path / "session.json")
    assert saved.leaning == "not_sure"
    assert {"glance-profile", "glance-priorities", "glance-readiness", "teach-given_once"} <= set(
        app.identifiers()
    )


async def test_a_broken_file_is_explained_and_changes_nothing(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    before = app.text()
    for name, data in (("x.json", b"{not json"), ("y.json", b"\xff\xfe\x00"), ("z.json", b'{"a": 1}')):
        app.client.files_to_pick = [picked(name, data)]
        await app.click("open-session")
        shown = [t for t in app.texts() if t.startswith("This file could not be opened")]
        assert len(shown) == 1, app.texts()
    assert not (tmp_path / "session.json").exists()
    assert "Showing the answers saved on this device" in before


async def test_cancelling_the_file_picker_changes_nothing(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    app.client.files_to_pick = []
    await app.click("open-session")
    assert any(t.startswith("Showing the answers saved on this device") for t in app.texts())


async def test_clinician_notes_are_saved_and_reach_the_summary(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    note = "Next: AAV5 antibody test; liver scan. <b>not bold</b> مرحبا"
    await app.change(app.by_identifier("clinician-notes"), note)
    assert read_session_file(tmp_path / "session.json").clinician_notes == note
    await app.go("/summary")
    preview = app.text()
    assert "Notes and next steps from the care team" in preview
    assert "AAV5 antibody test" in preview and "مرحبا" in preview


async def test_large_type_is_one_click_and_back(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    await app.click("large-type")
    assert app.page.theme.text_theme.body_large.size == 27
    await app.click("large-type")
    assert app.page.theme.text_theme.body_large.size == 18


EXTREME = "9999-12-31T23:59:59-12:00"
"""A time pydantic accepts that local time cannot show (it is past year 9999 in UTC)."""


def test_a_saved_time_local_time_cannot_show_is_written_as_saved():
    import datetime as dt

    from decisionaid.gui.views.clinician import when

    late = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12)))
    early = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    assert when(late) == "9999-12-31 23:59"
    assert when(early).endswith("01-01 00:30")
    assert when(dt.datetime(2026, 11, 1, 9, 5, tzinfo=dt.UTC)).startswith("2026-11-01")


def extreme_session(tmp_path: Path) -> bytes:
    document = json.loads((SESSIONS / "daniel-hemophilia-b.json").read_text())
    document["updated"] = EXTREME
    return json.dumps(document).encode("utf-8")


async def test_clinician_mode_opens_a_file_with_a_time_at_the_end_of_the_calendar(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    app.client.files_to_pick = [picked("extreme.json", extreme_session(tmp_path))]
    await app.click("open-session")
    shown = app.text()
    # Shown (the session model keeps such times two days inside the calendar's end, so local
    # time can always show them): never a freeze.
    assert "extreme.json, last changed 9999-12-29 23:59" in shown
    await app.go("/summary")
    await app.go("/clinician")
    app.raise_errors()


async def test_clinician_mode_shows_device_answers_saved_with_a_time_at_the_end_of_the_calendar(
    shipped_content, tmp_path
):
    (tmp_path / "session.json").write_bytes(extreme_session(tmp_path))
    app = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    assert "Showing the answers saved on this device" in app.text()
