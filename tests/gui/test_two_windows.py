"""Two windows on one device, one data folder: neither erases the other's answers."""

from __future__ import annotations

from decisionaid.gui.app import make_app
from decisionaid.gui.state import AppState
from decisionaid.storage import read_session_file
from tests.content_once import loaded
from tests.gui.harness import start_app


def window(content, data) -> AppState:
    """One browser tab: its own AppState, loaded once from the shared folder."""
    state = AppState(content=content, data_dir=data)
    state.load()
    return state


def test_a_note_typed_in_one_tab_survives_a_change_in_a_tab_opened_earlier(content, tmp_path):
    a, b = window(content, tmp_path), window(content, tmp_path)
    a.change(notes="TAB-A-NOTE")
    b.change(clinician_notes="From the nurse")  # the old code wrote B's stale notes back
    saved = read_session_file(tmp_path / "session.json")
    assert (saved.notes, saved.clinician_notes) == ("TAB-A-NOTE", "From the nurse")
    assert b.session.notes == "TAB-A-NOTE"  # B now shows A's note too
    assert b.merge_note == content.text("saving.merged")
    assert a.merge_note is None


def test_many_windows_taking_turns_keep_every_answer(content, tmp_path):
    windows = [window(content, tmp_path) for _ in range(5)]
    for round_ in range(3):
        for n, w in enumerate(windows):
            w.change(importance={**w.session.importance, f"attr{n}": round_ % 5})
    saved = read_session_file(tmp_path / "session.json")
    assert saved.importance == {f"attr{n}": 2 for n in range(5)}


def test_the_same_choice_changed_in_two_windows_keeps_the_first_and_says_which(content, tmp_path):
    a, b = window(content, tmp_path), window(content, tmp_path)
    a.change(leaning="not_sure", importance={"needles": 0})
    b.change(leaning="hemgenix", importance={"needles": 4})
    saved = read_session_file(tmp_path / "session.json")
    assert (saved.leaning, saved.importance) == ("not_sure", {"needles": 0})
    assert b.session.leaning == "not_sure"
    needles = next(x.name for x in content.attributes if x.id == "needles")
    assert b.merge_note == " ".join(
        [
            content.text("saving.merged"),
            content.text("saving.kept_theirs", answers=f"{needles}; {content.text('summary.h.leaning')}"),
        ]
    )
    b.change(leaning="hemgenix")  # chosen again, knowing the other window's answer
    assert read_session_file(tmp_path / "session.json").leaning == "hemgenix"


def test_notes_written_in_both_windows_are_both_kept(content, tmp_path):
    a, b = window(content, tmp_path), window(content, tmp_path)
    a.change(notes="Ask about travel")
    revision = b.revision
    b.change(notes="Ask about sport")
    assert read_session_file(tmp_path / "session.json").notes == "Ask about travel\n\nAsk about sport"
    assert b.revision == revision + 1  # B's notes field is made again with both texts
    assert content.text("saving.kept_both", answers=content.text("summary.h.notes")) in b.merge_note


def test_starting_over_in_one_window_is_not_undone_by_the_other(content, tmp_path):
    a, b = window(content, tmp_path), window(content, tmp_path)
    a.change(notes="Private note")
    b.change(importance={"needles": 3})
    a.start_over()
    b.change(preferred_role="share")
    saved = read_session_file(tmp_path / "session.json")
    assert (saved.notes, saved.importance, saved.preferred_role) == ("", {}, "share")


async def test_two_open_sessions_of_the_app_merge_and_the_second_is_told(shipped_content, tmp_path):
    tab_a = await start_app(make_app(shipped_content, tmp_path), route="/ready")
    tab_b = await start_app(make_app(shipped_content, tmp_path), route="/clinician")
    await tab_a.change(tab_a.by_identifier("notes"), "TAB-A-NOTE")
    await tab_b.change(tab_b.by_identifier("clinician-notes"), "From the nurse")
    saved = read_session_file(tmp_path / "session.json")
    assert (saved.notes, saved.clinician_notes) == ("TAB-A-NOTE", "From the nurse")
    assert tab_b.semantics("merged").live_region is True
    ui = loaded(shipped_content).ui
    assert ui["saving.merged"] in tab_b.text()
    await tab_b.click("dismiss-merged")
    assert "merged" not in tab_b.identifiers()
    await tab_b.go("/ready")
    assert tab_b.by_identifier("notes").value == "TAB-A-NOTE"


def test_a_window_that_only_moved_to_another_page_brings_no_merge_message(content, tmp_path):
    a, b = window(content, tmp_path), window(content, tmp_path)
    a.arrived("/learn")
    b.change(notes="Mine")
    assert b.merge_note is None
    assert read_session_file(tmp_path / "session.json").notes == "Mine"


async def test_the_notes_field_shows_both_texts_after_a_merge_that_kept_both(shipped_content, tmp_path):
    tab_a = await start_app(make_app(shipped_content, tmp_path), route="/ready")
    tab_b = await start_app(make_app(shipped_content, tmp_path), route="/ready")
    await tab_a.change(tab_a.by_identifier("notes"), "from A")
    await tab_b.change(tab_b.by_identifier("notes"), "from B")
    assert tab_b.by_identifier("notes").value == "from A\n\nfrom B"  # made again with both
    await tab_b.change(tab_b.by_identifier("notes"), "from A\n\nfrom B, more")
    assert read_session_file(tmp_path / "session.json").notes == "from A\n\nfrom B, more"
