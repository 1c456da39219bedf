"""`decisionaid summary` on every kind of bad session file: rc 2 and a plain reason, or a summary."""

from __future__ import annotations

import pytest

from decisionaid import cli
from tests.storage.bad_session_files import KINDS, BadFile


@pytest.mark.parametrize("bad", KINDS, ids=lambda b: b.name)
def test_summary_of_a_bad_session_file_exits_2_with_a_plain_reason_or_writes_it(
    tmp_path, capsys, bad: BadFile
):
    session = tmp_path / "session.json"
    bad.make(session, tmp_path)
    out = tmp_path / "summary.md"
    status = cli.main(["summary", str(session), "-o", str(out)])
    said = capsys.readouterr()
    assert "Traceback" not in said.out + said.err
    if bad.in_cli == "loads":
        assert status == 0, said.err
        assert out.stat().st_size > 0
    else:
        assert status == 2
        assert said.err.startswith(f"decisionaid: cannot open {session}: ")
        assert not out.exists()
        if bad.in_cli == "fresh":
            assert "there is no file here" in said.err


def test_summary_refuses_a_session_file_over_the_size_limit_before_reading_it(tmp_path, capsys):
    from decisionaid.storage.sessions import MAX_SESSION_BYTES

    session = tmp_path / "big.json"
    with session.open("wb") as handle:
        handle.truncate(MAX_SESSION_BYTES + 1)  # sparse: no time spent writing it
    assert cli.main(["summary", str(session), "-o", str(tmp_path / "s.md")]) == 2
    assert "too big" in capsys.readouterr().err
