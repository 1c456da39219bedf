"""`decisionaid summary` tells the person on stderr what the PDF cannot print as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decisionaid import cli

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"


def session_with_notes(tmp_path: Path, notes: str) -> Path:
    session = json.loads((SESSIONS / "ray-hemophilia-a.json").read_text())
    session["notes"] = notes
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session))
    return path


def test_a_pdf_of_notes_with_chinese_and_emoji_warns_which_characters_it_cannot_show(tmp_path, capsys):
    session = session_with_notes(tmp_path, "My sister wrote 血友病 for me 👍")
    assert cli.main(["summary", str(session), "-o", str(tmp_path / "out.pdf")]) == 0
    err = capsys.readouterr().err
    assert "cannot show 4 of the characters" in err
    assert "血 友 病 👍" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markdown_and_html_keep_every_character_and_give_no_warning(tmp_path, capsys, fmt):
    session = session_with_notes(tmp_path, "My sister wrote 血友病 for me 👍")
    out = tmp_path / f"out.{fmt}"
    assert cli.main(["summary", str(session), "-o", str(out)]) == 0
    assert "血友病" in out.read_text()
    assert capsys.readouterr().err == ""


def test_a_pdf_of_notes_it_can_show_gives_no_warning(tmp_path, capsys):
    session = session_with_notes(tmp_path, "My ankle שלום مرحبا ✔ 😀")
    assert cli.main(["summary", str(session), "-o", str(tmp_path / "out.pdf")]) == 0
    assert capsys.readouterr().err == ""


def test_a_pdf_of_a_megabyte_of_notes_says_it_was_shortened_and_finishes(tmp_path, capsys):
    session = session_with_notes(tmp_path, "ankle pain " * 100_000)
    assert cli.main(["summary", str(session), "-o", str(tmp_path / "out.pdf")]) == 0
    assert "too long for the PDF and was shortened there" in capsys.readouterr().err
