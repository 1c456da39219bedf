"""Timings of fresh processes: the `decisionaid summary` command and the web app's start-up.

Every process is started in its own session (process group) and ended by
that group's id; servers bind 127.0.0.1 only.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from http.cookiejar import CookieJar
from pathlib import Path

from benchmarks.pdf import HELLO_SCRIPT

PROJECT = Path(__file__).resolve().parent.parent
SESSION = PROJECT / "tests" / "testdata" / "sessions" / "daniel-hemophilia-b.json"
LOOPBACK = "127.0.0.1"


def _env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH", "")]))
    env["DECISIONAID_DATA_DIR"] = data_dir
    # A cache of its own (loader.cache): the first run of a series fills it, as a first
    # start on a person's machine does, and the runs after it read it, as every later one.
    env["DECISIONAID_CACHE_DIR"] = os.path.join(data_dir, "cache")
    env["FLET_WEB_NO_CDN"] = "1"
    return env


def _run_seconds(command: Sequence[str], env: dict[str, str]) -> float | None:
    """Wall time of one process to its end, or None when it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, timeout=120, check=False)
    elapsed = time.perf_counter() - start
    return elapsed if done.returncode == 0 else None


def _median(values: list[float | None]) -> float | None:
    if not values or any(v is None for v in values):
        return None
    ordered = sorted(v for v in values if v is not None)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def summary_command_available() -> bool:
    """Whether `python -m decisionaid summary --help` succeeds."""
    with tempfile.TemporaryDirectory() as data_dir:
        done = subprocess.run(
            [sys.executable, "-m", "decisionaid", "summary", "--help"],
            cwd=PROJECT,
            env=_env(data_dir),
            capture_output=True,
            timeout=60,
            check=False,
        )
    return done.returncode == 0


def cold_cli_seconds(runs: int = 5) -> float | None:
    """Median time of a cold `decisionaid summary SESSION -o x.pdf` process.

    None while the command or the sample session file is not there, or when it fails.
    """
    if not SESSION.exists() or not summary_command_available():
        return None
    with tempfile.TemporaryDirectory() as work:
        command = [sys.executable, "-m", "decisionaid", "summary", str(SESSION), "-o", f"{work}/summary.pdf"]
        return _median([_run_seconds(command, _env(work)) for _ in range(runs)])


def cold_hello_pdf_seconds(runs: int = 5) -> float | None:
    """Median time of a cold Python process that writes the Typst "hello" PDF (the baseline)."""
    with tempfile.TemporaryDirectory() as work:
        command = [sys.executable, "-c", HELLO_SCRIPT]
        return _median([_run_seconds(command, _env(work)) for _ in range(runs)])


def free_port() -> int:
    """A port on the loopback address that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the process group this benchmark started, politely first."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


ANNOUNCED = re.compile(rb"running at (http://\S+)")


def seconds_to_http_200(
    command: Sequence[str], port: int, timeout: float = 90, announced: bool = False
) -> float | None:
    """Time from starting a server process to its first HTTP 200, or None.

    With `announced`, the address is the one the process prints (decisionaid's,
    with its per-launch key, followed with cookies as a browser would); else "/".
    """
    with tempfile.TemporaryDirectory() as data_dir:
        out = Path(data_dir) / "stdout"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        start = time.perf_counter()
        with out.open("wb") as sink:
            process = subprocess.Popen(
                list(command),
                cwd=PROJECT,
                env=_env(data_dir),
                stdout=sink,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        try:
            while time.perf_counter() - start < timeout:
                if process.poll() is not None:
                    return None
                url = f"http://{LOOPBACK}:{port}/"
                if announced:
                    said = ANNOUNCED.search(out.read_bytes())
                    url = said.group(1).decode() if said else ""
                try:
                    if url:
                        with opener.open(url, timeout=2) as response:
                            if response.status == 200:
                                return time.perf_counter() - start
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                time.sleep(0.05)
            return None
        finally:
            _stop(process)


def web_start_seconds(runs: int = 3) -> float | None:
    """Median start-up of `python -m decisionaid --web` to HTTP 200."""
    results = []
    for _ in range(runs):
        port = free_port()
        command = [sys.executable, "-m", "decisionaid", "--web", "--host", LOOPBACK, "--port", str(port)]
        results.append(seconds_to_http_200(command, port, announced=True))
    return _median(results)


def flet_hello_start_seconds(runs: int = 3) -> float | None:
    """Median start-up of a Flet hello-world served the same way, to HTTP 200 (the baseline)."""
    results = []
    for _ in range(runs):
        port = free_port()
        command = [sys.executable, "-m", "benchmarks.flet_hello", "--port", str(port)]
        results.append(seconds_to_http_200(command, port))
    return _median(results)
