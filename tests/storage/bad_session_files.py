"""Every kind of bad session file the 2026-11 reliability test tried, built on demand.

One table serves the three places a session file is read: at app start
(`SessionStore.load`), in clinician mode (a file the clinician picks) and in
`decisionaid summary`. Each kind says what must happen there: `refused` (moved
aside at start, a plain refusal elsewhere), `loads` (read safely), or `fresh`
(nothing usable is there: a fresh session, or "there is no file here").
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from decisionaid.domain.session import SCHEMA_VERSION

FIFTY_MB = 50 * 1024 * 1024
VALID = {"schema_version": SCHEMA_VERSION, "importance": {"needles": 3}, "notes": "left ankle"}


def _text(text: str) -> Callable[[Path, Path], None]:
    return lambda path, scratch: path.write_text(text, encoding="utf-8")


def _bytes(data: bytes) -> Callable[[Path, Path], None]:
    return lambda path, scratch: path.write_bytes(data)


def _session(**fields: object) -> str:
    return json.dumps({**VALID, **fields})


def _padded(path: Path, scratch: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(_session())
        handle.write(" " * FIFTY_MB)


def _link(target: str | None) -> Callable[[Path, Path], None]:
    def make(path: Path, scratch: Path) -> None:
        if target is None:  # a valid session somewhere else
            elsewhere = scratch / "elsewhere.json"
            elsewhere.write_text(_session(), encoding="utf-8")
            path.symlink_to(elsewhere)
        else:
            path.symlink_to(target)

    return make


def _loop(path: Path, scratch: Path) -> None:
    other = path.with_name(path.name + ".other")
    path.symlink_to(other)
    other.symlink_to(path)


@dataclass(frozen=True)
class BadFile:
    """One kind of bad file: how to make it and what each reader must do with it."""

    name: str
    make: Callable[[Path, Path], None]
    at_start: str
    in_clinic: str | None
    """None when a clinician cannot pick it (a link or a folder, not file contents)."""
    in_cli: str


KINDS = [
    BadFile("empty", _text(""), "refused", "refused", "refused"),
    BadFile("truncated JSON", _text(_session()[:40]), "refused", "refused", "refused"),
    BadFile("wrong types", _text(_session(importance={"needles": "lots"})), "refused", "refused", "refused"),
    BadFile("future schema_version 99", _text(_session(schema_version=99)), "refused", "refused", "refused"),
    BadFile("50 MB of whitespace padding", _padded, "refused", "refused", "refused"),
    BadFile("50 MB of notes", _text(_session(notes="x" * FIFTY_MB)), "refused", "refused", "refused"),
    BadFile("binary garbage", _bytes(bytes(range(256)) * 64), "refused", "refused", "refused"),
    BadFile(
        "unknown ids and hostile strings",
        _text(
            _session(
                importance={"no_such_attribute": 4},
                leaning="no-such-option",
                own_questions=["<script>alert(1)</script>", "\u202egnp.exe", "[x](javascript:alert(1))"],
            )
        ),
        "loads",
        "loads",
        "loads",
    ),
    BadFile("link to /etc/passwd", _link("/etc/passwd"), "refused", None, "refused"),
    BadFile("link to a valid session elsewhere", _link(None), "loads", None, "loads"),
    BadFile("dangling link", _link("/no/such/file.json"), "fresh", None, "fresh"),
    BadFile("link to /dev/zero", _link("/dev/zero"), "refused", None, "refused"),
    BadFile("a folder", lambda path, scratch: path.mkdir(), "refused", None, "refused"),
    BadFile(
        "deep nesting",
        _text('{"schema_version": 1, "own_questions": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        "refused",
        "refused",
        "refused",
    ),
    BadFile(
        "5,000-digit integer",
        _text('{"schema_version": 1, "knowledge_answers": {"given_once": ' + "9" * 5000 + "}}"),
        "refused",
        "refused",
        "refused",
    ),
    BadFile(
        "updated at the end of year 9999, west of UTC",
        _text(_session(updated="9999-12-31T23:59:59-12:00")),
        "loads",
        "loads",
        "loads",
    ),
    BadFile(
        "not UTF-8", _bytes(b'{"schema_version": 1, "notes": "caf\xe9"}'), "refused", "refused", "refused"
    ),
    BadFile("UTF-8 with a BOM", _bytes(b"\xef\xbb\xbf" + _session().encode()), "loads", "loads", "loads"),
    BadFile("top-level array", _text("[" + _session() + "]"), "refused", "refused", "refused"),
    BadFile(
        "lone surrogate", _text('{"schema_version": 1, "notes": "a \\ud800 b"}'), "loads", "loads", "loads"
    ),
    BadFile(
        "NaN importance",
        _text('{"schema_version": 1, "importance": {"needles": NaN}}'),
        "refused",
        "refused",
        "refused",
    ),
    # Beyond the report's 21: the other ends of the same faults.
    BadFile(
        "created in year 1, east of UTC",
        _text(_session(created="0001-01-01T00:00:00+14:00")),
        "loads",
        "loads",
        "loads",
    ),
    BadFile("a named pipe", lambda path, scratch: os.mkfifo(path), "refused", None, "refused"),
    BadFile("a symlink loop", _loop, "fresh", None, "refused"),
]
