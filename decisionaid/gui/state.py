"""The one observable app state that views read and whose methods change it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flet as ft

from decisionaid import __version__
from decisionaid.domain.content import Content
from decisionaid.domain.merge import Merged, merge_sessions, same_answers
from decisionaid.domain.preferences import Display
from decisionaid.domain.session import Session
from decisionaid.domain.summary import DiscussionSummary, build_summary
from decisionaid.gui.routes import journey_index
from decisionaid.storage import (
    DisplayStore,
    Loaded,
    SessionFileError,
    SessionStore,
    parse_session,
    read_session_file,
)

NARROW_BELOW = 700
"""Windows narrower than this (in logical pixels) get the phone layouts."""

ANSWER_HEADINGS = {
    "leaning": "summary.h.leaning",
    "top_priorities": "values.top_priorities",
    "preferred_role": "summary.h.role",
    "knowledge_answers": "summary.h.knowledge",
    "knowledge_picked": "summary.h.knowledge",
    "knowledge_asked": "summary.h.knowledge",
    "readiness": "summary.h.readiness",
    "questions_chosen": "summary.h.questions",
    "notes": "summary.h.notes",
    "clinician_notes": "summary.h.clinician_notes",
    "start_leaning": "start.leaning",
    "start_certainty": "start.certainty",
    "certainty": "ready.certainty",
    "others_involved": "others.who",
    "others_prefer": "summary.h.others",
    "pressure": "others.pressure",
    "others_view": "others.view_label",
}
"""How a merge message names an answer: by the summary heading it prints under."""


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
    save_problem: str | None = None
    """Why the answers cannot be saved on this device right now (a banner on every
    page says so), or None while saving works."""
    save_problem_retold: int = 0
    """Goes up when the save problem must be read out again: a browser drops what it is
    handed to read before the screen reader has turned on the page's accessibility tree
    (seen in Chromium), so a problem found on arrival is said once more at the first
    change the person makes, when his screen reader is surely on."""
    merge_note: str | None = None
    """What happened when answers another window saved were merged into this one."""
    revision: int = 0
    """Counts merges that changed text this window shows, so its text fields are made again."""

    def __post_init__(self) -> None:
        self._store = SessionStore(self.data_dir) if self.keep_on_device else None
        self._display_store = DisplayStore(self.data_dir) if self.keep_on_device else None
        self._base = self.session
        """The session as this window last read or wrote it: what another window's
        changes are measured against."""
        self._load_pending = False
        """The saved file could not be read nor moved aside: try again before writing over it."""
        self._copy_pending = False
        """A file opened in clinician mode waits for the device's answers to be copied aside."""
        self._told_at_change = False
        """The save problem has been read out at a change the person made."""
        self._replace_pending = False
        """The next save replaces the saved answers (a file opened, or starting over): no merge."""

    def t(self, key: str, **values: object) -> str:
        """An interface string from ui.yaml."""
        return self.content.text(key, **values)

    def summary(self) -> DiscussionSummary:
        """The discussion summary of the answers so far (the fit screen and preview use it)."""
        return build_summary(self.content, self.session, dt.date.today(), __version__)

    @property
    def answers_key(self) -> tuple[object, int]:
        """Changes when text fields must show other answers (see TextEntry's `for_answers`)."""
        return (self.session.created, self.revision)

    def load(self) -> None:
        """Pick up the saved session; an unreadable one is set aside and explained."""
        if self._store is None or self._display_store is None:
            return
        self.display = self._display_store.load()
        try:
            loaded = self._store.load()
        except OSError as error:
            # An unreadable file that cannot be moved aside (a read-only folder) is left
            # as it is and never written over; the next save tries again.
            self._load_pending = True
            self._cannot_save(error)
            return
        self.session = self._base = loaded.session
        self.resumable = self.session.last_route not in ("/", "")
        self._explain(loaded)

    def _explain(self, loaded: Loaded) -> None:
        if loaded.problem is not None:
            self.notice = self.t(
                "notice.unreadable_session" if loaded.moved_to else "notice.unreadable_session_stays",
                path=str(loaded.moved_to or self._store.path),
                detail=loaded.problem.detail,
            )

    def change(self, **fields: Any) -> None:
        """Set answers on the session and save it at once."""
        self._set_and_save(fields, redraw=True)

    def change_text(self, **fields: Any) -> None:
        """Set text he is typing (his notes, a view, a clinician's notes) and save it at once,
        without redrawing the page: the field shows what he typed already and nothing else
        on its page shows it, while a redraw of the whole app for every key (150 ms of the
        server's time a key on Ready) made typing lag on a slow device (issue 16). What the
        save itself brings (a merge from another window, a save problem) still shows."""
        self._set_and_save(fields, redraw=False)

    def _set_and_save(self, fields: dict[str, Any], redraw: bool) -> None:
        if redraw:
            self.session = self._changed(fields)
        else:  # as `arrived` does: the views are not told
            object.__setattr__(self, "session", self._changed(fields))
        problem_before = self.save_problem
        self._save()
        if self.save_problem is not None and not self._told_at_change:
            self._told_at_change = True
            if self.save_problem == problem_before:  # first said before he may have heard it
                self.save_problem_retold += 1

    def _changed(self, fields: dict[str, Any]) -> Session:
        return Session.model_validate(
            {
                **self.session.model_dump(),
                **fields,
                "updated": dt.datetime.now(dt.UTC),
                "content_version": self.content.about.content_version,
            }
        )

    def change_profile(self, **fields: Any) -> None:
        """Set profile answers and save."""
        self.change(profile={**self.session.profile.model_dump(), **fields})

    def open_session_file(self, name: str, data: bytes) -> str | None:
        """Show a saved session file (clinician mode). Answers already on this device are
        copied aside first. Returns what went wrong, or None; on a problem nothing changes."""
        session = self.read_opened(name, data)
        if isinstance(session, str):
            return session
        self.show_opened(name, session)
        return None

    def read_opened(self, name: str, data: bytes) -> Session | str:
        """The session in a file's bytes, or what is wrong with it, in words. Changes
        nothing, so it may run off the event loop (a large file takes seconds)."""
        try:
            return parse_session(data.decode("utf-8"), Path(name))
        except UnicodeDecodeError:
            return self.t("clinician.open_failed", detail=self.t("clinician.not_text"))
        except SessionFileError as problem:
            return self.t("clinician.open_failed", detail=problem.detail)

    def show_opened(self, name: str, session: Session) -> None:
        """Make an opened file the session shown and saved; the device's answers are
        copied aside before they are replaced (now, or once the device can save again)."""
        self.notice = None
        self._copy_pending = self._store is not None
        self.session = session
        self._save(replace=True)
        self.opened_file = name
        self.resumable = self.session.last_route not in ("/", "")

    def start_over(self) -> None:
        """A fresh session, saved (the old answers are replaced)."""
        self.session = Session(content_version=self.content.about.content_version)
        self._save(replace=True)
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
            try:
                self._display_store.save(self.display)
            except OSError as error:
                self._cannot_save(error)  # the settings still apply in this window

    def delete_my_data(self) -> int | None:
        """Remove every file the app saved and start with an empty, unsaved session;
        how many files were removed, or None when the device would not let them go
        (the answers then stay in use, and the notice says why).

        The display settings stay in use until the app closes (a person who needs
        large text keeps it while he finishes), but their file is removed too."""
        try:
            removed = self._store.delete_all() if self._store else 0
            removed += self._display_store.delete() if self._display_store else 0
        except OSError as error:
            detail = error.strerror or str(error)
            self.notice = self.t("summary_page.delete_failed", detail=detail, folder=str(self.data_dir))
            return None
        self.session = self._base = Session()
        self.resumable = False
        self._load_pending = self._copy_pending = self._replace_pending = False
        return removed

    def _save(self, replace: bool = False) -> None:
        """Save the answers. When the device cannot, say so, keep them in memory, and try
        again at the next change; a later success takes the banner away."""
        if self._store is None:
            return
        self._replace_pending = self._replace_pending or replace
        try:
            if self._load_pending:
                self._explain(self._store.load())
                self._load_pending = False
            if self._copy_pending:
                kept = self._store.keep_copy()
                self._copy_pending = False
                if kept is not None:
                    self.notice = self.t("clinician.kept_copy", path=str(kept))
            if not self._replace_pending:
                self._merge_saved()
            self._store.save(self.session)
        except OSError as error:
            self._cannot_save(error)
            return
        self._replace_pending = False
        self._base = self.session
        self._told_at_change = False
        if self.save_problem is not None:
            self.save_problem = None

    def _cannot_save(self, error: OSError) -> None:
        self.save_problem = self.t("saving.failed", detail=error.strerror or str(error))

    def _merge_saved(self) -> None:
        """If another window saved since this one last read or wrote the file, lay this
        window's changes over what it saved, and show the result here."""
        assert self._store is not None
        try:
            saved = read_session_file(self._store.path)
        except (SessionFileError, ValueError, RecursionError):
            return  # nothing usable is saved (none yet, or unreadable): this window's answers go
        if saved == self._base:
            return
        mine = self.session
        merged = merge_sessions(self._base, mine, saved)
        self.session = merged.session
        texts = ("notes", "clinician_notes", "others_view")
        if any(getattr(merged.session, f) != getattr(mine, f) for f in texts):
            self.revision += 1
        if not same_answers(merged.session, mine):  # not when the other window only moved on
            self.merge_note = self._merge_message(merged)

    def _merge_message(self, merged: Merged) -> str:
        parts = [self.t("saving.merged")]
        if merged.kept_theirs:
            names = "; ".join(dict.fromkeys(self._answer_name(path) for path in merged.kept_theirs))
            parts.append(self.t("saving.kept_theirs", answers=names))
        if merged.kept_both:
            names = "; ".join(self._answer_name(path) for path in merged.kept_both)
            parts.append(self.t("saving.kept_both", answers=names))
        return " ".join(parts)

    def _answer_name(self, path: tuple[str, ...]) -> str:
        """An answer as the person knows it: its question, attribute or summary heading."""
        if path[0] == "profile":
            return self.t(f"profile.q.{path[1]}")
        if path[0] == "importance":
            return next((a.name for a in self.content.attributes if a.id == path[1]), path[1])
        return self.t(ANSWER_HEADINGS[path[0]]) if path[0] in ANSWER_HEADINGS else path[0]

    def arrived(self, path: str) -> None:
        """Remember a page the person reached, so he can resume there and come back from asides.

        Set without telling the views: no page shows either, and every change the views hear
        of redraws and diffs the whole page just drawn (a second render of each page per
        click, 40% of a click's server time on Options; issue 16). The save still tells them
        of what it changes that they do show (a merge, a save problem)."""
        if journey_index(path) is not None:
            object.__setattr__(self, "last_journey_path", path)
            if path != "/" and self.session.last_route != path:
                object.__setattr__(self, "session", self._changed({"last_route": path}))
                self._save()


AppContext = ft.create_context(None)
"""Gives every component the AppState without passing it down by hand."""


def use_app_state() -> AppState:
    """The AppState of this session (inside a component)."""
    state = ft.use_context(AppContext)
    if state is None:
        raise RuntimeError("use_app_state() called outside the app's context")
    return state
