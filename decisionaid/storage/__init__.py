"""Session files: versioned JSON, atomic writes, in the user data folder."""

from decisionaid.storage.sessions import (
    Loaded,
    SessionFileError,
    SessionStore,
    read_session_file,
    session_json,
    write_atomically,
)

__all__ = [
    "Loaded",
    "SessionFileError",
    "SessionStore",
    "read_session_file",
    "session_json",
    "write_atomically",
]
