"""Session files: versioned JSON, atomic writes, in the user data folder."""

from decisionaid.storage.preferences import DisplayStore
from decisionaid.storage.sessions import (
    Loaded,
    SessionFileError,
    SessionStore,
    parse_session,
    read_session_file,
    session_json,
    write_atomically,
)

__all__ = [
    "DisplayStore",
    "Loaded",
    "SessionFileError",
    "SessionStore",
    "parse_session",
    "read_session_file",
    "session_json",
    "write_atomically",
]
