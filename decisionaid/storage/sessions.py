"""Session files: versioned JSON, written atomically, readable only by their owner.

A file that cannot be read (corrupt, not ours, from a newer app) is never
deleted and never crashes the app: it is moved aside with a timestamp, the
person is told, and a fresh session starts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from decisionaid.domain.session import SCHEMA_VERSION, Session
from decisionaid.storage.files import (
    UnreadableFile,
    copy_new,
    free_name,
    megabytes,
    read_limited,
    remove_entry,
    remove_stale_temp_files,
    write_atomically,
)

SESSION_FILE = "session.json"
MAX_SESSION_BYTES = 4 * 1024 * 1024
"""The largest session file read (4 MB). A session with every answer and notes at the
app's field limits (10,000 characters each) is tens of KB; a file this big is not one
of ours, and reading more could stall the app or fill its memory."""
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
ASIDE_SUFFIX = ".unreadable-"

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    # 2 added `compare_picks`; a version 1 file has none, which means "not picked yet".
    1: lambda document: {**document, "schema_version": 2},
    # 3 added `top_priorities` (the trade-off step); a version 2 file has none chosen yet.
    # Every answer in it keeps its meaning: importance ratings stay 0-4 as they were.
    2: lambda document: {**document, "schema_version": 3},
    # 4 added `knowledge_picked` (the words of each knowledge answer); a version 3 file has
    # none, so its answers are read by number, as before.
    3: lambda document: {**document, "schema_version": 4},
    # 5 added `knowledge_asked` (a fingerprint of each question as answered); a version 4
    # file has none, so its answers are checked by their words alone, as before.
    4: lambda document: {**document, "schema_version": 5},
}
"""schema_version N -> a function that turns an N document into an N+1 document."""


class SessionFileError(Exception):
    """A session file that cannot be used; `kind` is missing, corrupt, foreign, newer or too_big."""

    def __init__(self, path: Path, kind: str, detail: str):
        self.path = path
        self.kind = kind
        self.detail = detail
        super().__init__(f"{path}: {detail}")


def _without_lone_surrogates(value: Any) -> Any:
    """JSON may escape half a UTF-16 pair ("\\ud800"); such text cannot be saved or
    printed again, so each lone half becomes U+FFFD and the rest is kept."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def migrate(document: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring an older document up to the current schema, one version at a time."""
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError(path, "foreign", "this is not a decisionaid session (no schema_version)")
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            path,
            "newer",
            f"this session was saved by a newer version of decisionaid (format {version}; "
            f"this app reads up to {SCHEMA_VERSION}). Update the app to open it.",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SessionFileError(path, "foreign", f"no way to read session format {version}")
        document = step(document)
        version = document["schema_version"]
    return document


def parse_session(text: str, path: Path) -> Session:
    """A session from the text of a session file, or SessionFileError saying why not.

    Never raises anything else, whatever the text: it may come from any file a
    person picks (clinician mode), so nesting, numbers and size are all bounded.
    """
    if len(text) > MAX_SESSION_BYTES:  # a character is at least one byte
        raise SessionFileError(
            path,
            "too_big",
            f"the file is too big (a saved session may be at most {megabytes(MAX_SESSION_BYTES)})",
        )
    text = text.removeprefix("\ufeff")  # a byte order mark some editors add
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SessionFileError(
            path, "corrupt", f"the file is damaged (not valid JSON: {error.msg})"
        ) from None
    except RecursionError:
        raise SessionFileError(path, "corrupt", _TOO_DEEP) from None
    except ValueError:  # an integer of thousands of digits (Python's int_max_str_digits)
        raise SessionFileError(path, "corrupt", "the file holds a number too long to be an answer") from None
    if not isinstance(document, dict):
        raise SessionFileError(path, "foreign", "this is not a decisionaid session")
    try:
        document = migrate(_without_lone_surrogates(document), path)
        return Session.model_validate(document)
    except RecursionError:
        raise SessionFileError(path, "corrupt", _TOO_DEEP) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SessionFileError(
            path, "corrupt", f"the file has a wrong value at {where}: {first['msg']}"
        ) from None


_TOO_DEEP = "the file is damaged (lists or groups nested far too deep)"


def read_session_file(path: Path) -> Session:
    """Open a session file that the person chose (export, clinic, command line).

    At most MAX_SESSION_BYTES are read, and only from an ordinary file (a link to
    one is fine); anything else is a SessionFileError with a plain reason.
    """
    try:
        data = read_limited(path, MAX_SESSION_BYTES)
    except UnreadableFile as problem:
        raise SessionFileError(path, problem.kind, problem.reason) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionFileError(path, "corrupt", "it is not a text file (not UTF-8)") from None
    return parse_session(text, path)


def session_json(session: Session) -> str:
    """The text of a session file."""
    return session.model_dump_json(indent=2) + "\n"


@dataclass(frozen=True)
class Loaded:
    """The session to continue with, and what went wrong with the saved one, if anything."""

    session: Session
    problem: SessionFileError | None = None
    moved_to: Path | None = None
    """Where an unreadable file was moved; None with a problem when it could not be
    moved (the folder cannot be changed) and stays where it was."""


class SessionStore:
    """The one saved session in a person's data folder."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.path = data_dir / SESSION_FILE
        self._stuck = False
        """An unreadable file could not be moved aside: it must not be saved over."""

    def load(self, now: dt.datetime | None = None) -> Loaded:
        """The saved session, or a fresh one (moving an unreadable file aside).

        Never raises: when the file cannot even be moved aside (a read-only folder),
        the app starts fresh in memory, `moved_to` is None, and saving waits until
        the file can be moved. Temp files a crash left behind are removed first.
        """
        remove_stale_temp_files(self.data_dir, SESSION_FILE)
        if not self.path.exists():
            return Loaded(Session())
        try:
            return Loaded(read_session_file(self.path))
        except SessionFileError as problem:
            failed = problem
        except Exception as error:  # a fault not foreseen above must not stop the app either
            failed = SessionFileError(
                self.path, "corrupt", f"the file cannot be read ({type(error).__name__})"
            )
        try:
            return Loaded(Session(), failed, self._move_aside(now))
        except OSError:
            self._stuck = True
            return Loaded(Session(), failed, None)

    def _move_aside(self, now: dt.datetime | None = None) -> Path:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        aside = free_name(self.path.with_name(f"{SESSION_FILE}{ASIDE_SUFFIX}{stamp}"))
        os.replace(self.path, aside)
        self._stuck = False
        return aside

    def keep_copy(self, now: dt.datetime | None = None) -> Path | None:
        """Copy the saved session aside before it is replaced (e.g. by a file a clinician
        opens), so nothing the person entered is lost; the copy's path, or None if none.
        Each copy gets a name of its own: an earlier copy is never overwritten."""
        if not self.path.exists():
            return None
        try:
            data = read_limited(self.path, MAX_SESSION_BYTES)
        except UnreadableFile:
            return self._move_aside_as_copy(now)
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        base = self.path.with_name(f"{SESSION_FILE}.before-open-{stamp}")
        while True:
            copy = free_name(base)
            try:
                copy_new(copy, data)
            except FileExistsError:  # taken in the instant since free_name looked
                continue
            return copy

    def _move_aside_as_copy(self, now: dt.datetime | None) -> Path:
        """What is on the device is not something to copy (too big, not a file): move it."""
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        copy = free_name(self.path.with_name(f"{SESSION_FILE}.before-open-{stamp}"))
        os.replace(self.path, copy)
        return copy

    def save(self, session: Session) -> None:
        """Save after every change (OSError when the folder cannot be written)."""
        if self._stuck:
            self._move_aside()  # never save over a file that could not be read
        write_atomically(self.path, session_json(session))

    def saved_files(self) -> list[Path]:
        """Every entry this store wrote: the session, any set aside, and temp files a crash left."""
        if not self.data_dir.is_dir():
            return []
        prefixes = (SESSION_FILE + ".", f".{SESSION_FILE}.")
        try:
            return sorted(
                p for p in self.data_dir.iterdir() if p.name == SESSION_FILE or p.name.startswith(prefixes)
            )
        except OSError:
            return []

    def delete_all(self) -> int:
        """Delete my data: remove everything this store saved; returns how many entries went.

        Never stops half way: a folder set aside (when `session.json` was a folder)
        is removed if empty and otherwise left, since the app never wrote into it.
        """
        return sum(remove_entry(path) for path in self.saved_files())
