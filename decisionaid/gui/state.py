"""The one observable app state that views read and whose methods change it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import flet as ft

from decisionaid.domain.content import Content
from decisionaid.gui.routes import journey_index


@ft.observable
@dataclass
class AppState:
    """What the interface shows and remembers for one person using the app."""

    content: Content
    data_dir: Path
    last_journey_path: str = "/"
    text_scale: float = 1.0
    visited: list[str] = field(default_factory=list)

    def t(self, key: str, **values: object) -> str:
        """An interface string from ui.yaml."""
        return self.content.text(key, **values)

    def arrived(self, path: str) -> None:
        """Remember a page the person reached, so an aside page can send him back."""
        if journey_index(path) is not None and self.last_journey_path != path:
            self.last_journey_path = path
        if path not in self.visited:
            self.visited.append(path)


AppContext = ft.create_context(None)
"""Gives every component the AppState without passing it down by hand."""


def use_app_state() -> AppState:
    """The AppState of this session (inside a component)."""
    state = ft.use_context(AppContext)
    if state is None:
        raise RuntimeError("use_app_state() called outside the app's context")
    return state
