"""The display settings file: small, and never worth stopping the app for."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from pydantic import ValidationError

from decisionaid.domain.preferences import Display
from decisionaid.storage.files import (
    UnreadableFile,
    free_name,
    read_limited,
    remove_entry,
    remove_stale_temp_files,
    write_atomically,
)

DISPLAY_FILE = "display.json"
MAX_DISPLAY_BYTES = 64 * 1024
"""The file holds two choices in about 50 bytes; anything near this size is not ours."""


class DisplayStore:
    """Text size and theme, saved beside the session in the person's data folder."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / DISPLAY_FILE

    def load(self) -> Display:
        """The saved settings; the defaults when there are none or the file is damaged
        (nothing typed is lost: the file holds only two choices, made again in a click).

        Temp files a crash left are removed; a folder in the file's place is moved
        aside (never deleted), so that the next choice can be saved.
        """
        remove_stale_temp_files(self.path.parent, DISPLAY_FILE)
        try:
            data = read_limited(self.path, MAX_DISPLAY_BYTES)
            return Display.model_validate_json(data.removeprefix(b"\xef\xbb\xbf"))
        except UnreadableFile:
            self._clear_the_way()
        except (OSError, ValueError, ValidationError, RecursionError):
            pass
        return Display()

    def _clear_the_way(self) -> None:
        if self.path.is_dir() and not self.path.is_symlink():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = free_name(self.path.with_name(f"{DISPLAY_FILE}.unreadable-{stamp}"))
            # In a read-only folder it stays; saving will say so, and the defaults are in use.
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)

    def save(self, display: Display) -> None:
        """Save at once, atomically, readable by the owner only."""
        write_atomically(self.path, display.model_dump_json(indent=2) + "\n")

    def delete(self) -> int:
        """Remove the settings file (delete my data), temp files a crash left and any
        folder set aside in its place when empty; how many entries were removed.
        Never stops half way."""
        folder = self.path.parent
        try:
            leftovers = [*folder.glob(f".{DISPLAY_FILE}.*.tmp"), *folder.glob(f"{DISPLAY_FILE}.unreadable-*")]
        except OSError:
            leftovers = []
        return sum(remove_entry(path) for path in [self.path, *leftovers])
