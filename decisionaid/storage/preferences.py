"""The display settings file: small, and never worth stopping the app for."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from decisionaid.domain.preferences import Display
from decisionaid.storage.sessions import write_atomically

DISPLAY_FILE = "display.json"


class DisplayStore:
    """Text size and theme, saved beside the session in the person's data folder."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / DISPLAY_FILE

    def load(self) -> Display:
        """The saved settings; the defaults when there are none or the file is damaged
        (nothing typed is lost: the file holds only two choices, made again in a click)."""
        try:
            return Display.model_validate_json(self.path.read_bytes())
        except (OSError, ValueError, ValidationError):
            return Display()

    def save(self, display: Display) -> None:
        """Save at once, atomically, readable by the owner only."""
        write_atomically(self.path, display.model_dump_json(indent=2) + "\n")

    def delete(self) -> int:
        """Remove the settings file (delete my data); how many files were removed."""
        removed = 0
        for path in [self.path, *self.path.parent.glob(f".{DISPLAY_FILE}.*.tmp")]:
            if path.exists():
                path.unlink()
                removed += 1
        return removed
