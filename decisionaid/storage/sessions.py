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
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from decisionaid.domain.session import SCHEMA_VERSION, Session

SESSION_FILE = "session.json"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
ASIDE_SUFFIX = ".unreadable-"

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""schema_version N -> a function that turns an N document into an N+1 document."""


class SessionFileError(Exception):
    """A session file that cannot be used; `kind` is missing, corrupt, foreign or newer."""

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
    """A session from the text of a session file, or SessionFileError saying why not."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SessionFileError(
            path, "corrupt", f"the file is damaged (not valid JSON: {error.msg})"
        ) from None
    if not isinstance(document, dict):
        raise SessionFileError(path, "foreign", "this is not a decisionaid session")
    document = migrate(_without_lone_surrogates(document), path)
    try:
        return Session.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SessionFileError(
            path, "corrupt", f"the file has a wrong value at {where}: {first['msg']}"
        ) from None


def read_session_file(path: Path) -> Session:
    """Open a session file that the person chose (export, clinic, command line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionFileError(path, "missing", "there is no file here") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SessionFileError(path, "corrupt", f"the file cannot be read ({error})") from None
    return parse_session(text, path)


def session_json(session: Session) -> str:
    """The text of a session file."""
    return session.model_dump_json(indent=2) + "\n"


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write via a temp file, fsync and rename, so a crash never leaves half a file.

    The file is readable by its owner only: it may hold health information.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Loaded:
    """The session to continue with, and what went wrong with the saved one, if anything."""

    session: Session
    problem: SessionFileError | None = None
    moved_to: Path | None = None


class SessionStore:
    """The one saved session in a person's data folder."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.path = data_dir / SESSION_FILE

    def load(self, now: dt.datetime | None = None) -> Loaded:
        """The saved session, or a fresh one (moving an unreadable file aside)."""
        if not self.path.exists():
            return Loaded(Session())
        try:
            return Loaded(read_session_file(self.path))
        except SessionFileError as problem:
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{SESSION_FILE}{ASIDE_SUFFIX}{stamp}")
            os.replace(self.path, aside)
            return Loaded(Session(), problem, aside)

    def keep_copy(self, now: dt.datetime | None = None) -> Path | None:
        """Copy the saved session aside before it is replaced (e.g. by a file a clinician
        opens), so nothing the person entered is lost; the copy's path, or None if none."""
        if not self.path.exists():
            return None
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        copy = self.path.with_name(f"{SESSION_FILE}.before-open-{stamp}")
        write_atomically(copy, self.path.read_bytes())
        return copy

    def save(self, session: Session) -> None:
        """Save after every change."""
        write_atomically(self.path, session_json(session))

    def saved_files(self) -> list[Path]:
        """Every file this store wrote: the session, any set aside, and temp files a crash left."""
        if not self.data_dir.is_dir():
            return []
        prefixes = (SESSION_FILE + ".", f".{SESSION_FILE}.")
        return sorted(
            p for p in self.data_dir.iterdir() if p.name == SESSION_FILE or p.name.startswith(prefixes)
        )

    def delete_all(self) -> int:
        """Delete my data: remove everything this store saved; returns how many files."""
        files = self.saved_files()
        for path in files:
            path.unlink(missing_ok=True)
        return len(files)
