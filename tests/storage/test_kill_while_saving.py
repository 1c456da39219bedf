"""Killing the app while it saves never leaves a torn session or a stray copy of the answers.

The 2026-11 reliability test killed a saving process 200 times: 0 torn files, but 47
temp files full of answers were left and never swept. This replays it (fewer kills, to
keep the suite quick): after every SIGKILL the session reads back whole, and the next
start removes every temp file the kill left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decisionaid.storage import SessionStore, read_session_file

KILLS = 25
SAVER = """
import sys, pathlib
from decisionaid.domain.session import Session
from decisionaid.storage import SessionStore
store = SessionStore(pathlib.Path(sys.argv[1]))
n = 0
while True:
    n += 1
    # payloads from a few bytes to ~400 KB, so some kills land inside a long write
    store.save(Session(notes=f"save {n} " + "x" * (n * 7919 % 400_000)))
    print(n, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_session_killed_mid_save_reads_back_whole_and_its_temp_files_are_swept(tmp_path: Path):
    rng = random.Random(4711)
    data = tmp_path / "data"
    data.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), os.environ.get("PYTHONPATH", "")])}
    left_behind = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(data)], stdout=subprocess.PIPE, env=env, text=True
        )
        assert child.stdout is not None
        child.stdout.readline()  # it has saved at least once: the kill lands among real saves
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        assert read_session_file(data / "session.json").notes.startswith("save ")
        left_behind += len(list(data.glob(".session.json.*.tmp")))
        loaded = SessionStore(data).load()
        assert loaded.problem is None
        assert list(data.glob(".session.json.*.tmp")) == []
    # The kills did land inside writes (else the sweep was never tested).
    assert left_behind > 0
