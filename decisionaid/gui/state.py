"""The one observable app state that views read and whose methods change it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flet as ft

from decisionaid import __version__
from decisionaid.domain.content import Content
from decisionaid.domain.preferences import Display
from decisionaid.domain.session import Session
from decisionaid.domain.summary import DiscussionSummary, build_summary
from decisionaid.gui.routes import journey_index
from decisionaid.storage import DisplayStore, SessionFileError, SessionStore, parse_session

NARROW_BELOW = 700
"""Windows narrower than this (in logical pixels) get the phone layouts."""


@ft.observable
@dataclass
class AppState:
    """What the interface shows and remembers for one person using the app."""

    content: Content
    data_dir: Path
    session: Session = field(default_factory=Session)
    notice: str | None = None
    """A message to show once, e.g. that a saved session could not be read."""
    last_journey_path: str = "/"
    resumable: bool = False
    opened_file: str | None = None
    """The name of a session file opened in clinician mode, while it is the one shown."""
    display: Display = field(default_factory=Display)
    """Text size and theme; saved apart from the answers."""
    narrow: bool = False
    """The window is phone-sized: layouts that need width (the compare grid) stack instead."""
    keep_on_device: bool = True
    """False when the app is served to other computers: each browser session then
    keeps its answers in memory only, so one person never sees another's."""

    def __post_init__(self) -> None:
        self._store = SessionStore(self.data_dir) if self.keep_on_device else None
        self._display_store = DisplayStore(self.data_dir) if self.keep_on_device else None

    def t(self, key: str, **values: object) -> str:
        """An interface string from ui.yaml."""
        return self.content.text(key, **values)

    def summary(self) -> DiscussionSummary:
        """The discussion summary of the answers so far (the fit screen and preview use it)."""
        return build_summary(self.content, self.session, dt.date.today(), __version__)

    def load(self) -> None:
        """Pick up the saved session; an unreadable one is set aside and explained."""
        if self._store is None or self._display_store is None:
            return
        self.display = self._display_store.load()
        loaded = self._store.load()
        self.session = loaded.session
        self.resumable = self.session.last_route not in ("/", "")
        if loaded.problem is not None:
            self.notice = self.t(
                "notice.unreadable_session" if loaded.moved_to else "notice.unreadable_session_stays",
                path=str(loaded.moved_to or self._store.path),
                detail=loaded.problem.detail,
            )

    def change(self, **fields: Any) -> None:
        """Set answers on the session and save it at once."""
        self.session = Session.model_validate(
            {
                **self.session.model_dump(),
                **fields,
                "updated": dt.datetime.now(dt.UTC),
                "content_version": self.content.about.content_version,
            }
        )
        self._save()

    def change_profile(self, **fields: Any) -> None:
        """Set profile answers and save."""
        self.change(profile={**self.session.profile.model_dump(), **fields})

    def open_session_file(self, name: str, data: bytes) -> str | None:
        """Show a saved session file (clinician mode). Answers already on this device are
        copied aside first. Returns what went wrong, or None; on a problem nothing changes."""
        try:
            session = parse_session(data.decode("utf-8"), Path(name))
        except UnicodeDecodeError:
            return self.t("clinician.open_failed", detail=self.t("clinician.not_text"))
        except SessionFileError as problem:
            return self.t("clinician.open_failed", detail=problem.detail)
        kept = self._store.keep_copy() if self._store is not None else None
        self.session = session
        self._save()
        self.opened_file = name
        self.resumable = self.session.last_route not in ("/", "")
        self.notice = self.t("clinician.kept_copy", path=str(kept)) if kept else None
        return None

    def start_over(self) -> None:
        """A fresh session, saved (the old answers are replaced)."""
        self.session = Session(content_version=self.content.about.content_version)
        self._save()
        self.resumable = False

    def window_width(self, width: float | None) -> None:
        """Note the window's width as the page reports it (at start and on every resize)."""
        narrow = width is not None and width < NARROW_BELOW
        if narrow != self.narrow:
            self.narrow = narrow

    def set_display(self, **fields: Any) -> None:
        """Change the text size or theme, and save it."""
        self.display = Display.model_validate({**self.display.model_dump(), **fields})
        if self._display_store is not None:
            self._display_store.save(self.display)

    def delete_my_data(self) -> int:
        """Remove every file the app saved and start with an empty, unsaved session.

        The display settings stay in use until the app closes (a person who needs
        large text keeps it while he finishes), but their file is removed too."""
        removed = self._store.delete_all() if self._store else 0
        removed += self._display_store.delete() if self._display_store else 0
        self.session = Session()
        self.resumable = False
        return removed

    def _save(self) -> None:
        if self._store is not None:
            self._store.save(self.session)

    def arrived(self, path: str) -> None:
        """Remember a page the person reached, so he can resume there and come back from asides."""
        if journey_index(path) is not None:
            if self.last_journey_path != path:
                self.last_journey_path = path
            if path != "/" and self.session.last_route != path:
                self.change(last_route=path)


AppContext = ft.create_context(None)
"""Gives every component the AppState without passing it down by hand."""


def use_app_state() -> AppState:
    """The AppState of this session (inside a component)."""
    state = ft.use_context(AppContext)
    if state is None:
        raise RuntimeError("use_app_state() called outside the app's context")
    return state
