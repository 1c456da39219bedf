"""The route table: the patient journey in order, and the pages beside it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One page: its path, the key of its strings in ui.yaml, and its test handle."""

    path: str
    key: str

    @property
    def title_key(self) -> str:
        """The ui.yaml key of the page title."""
        return f"step.{self.key}.title"


JOURNEY: tuple[Step, ...] = (
    Step("/", "welcome"),
    Step("/about-you", "about_you"),
    Step("/learn", "learn"),
    Step("/options", "options"),
    Step("/compare", "compare"),
    Step("/values", "values"),
    Step("/fit", "fit"),
    Step("/ready", "ready"),
    Step("/summary", "summary"),
)
"""The guided journey, welcome to summary, in the order Next walks it."""

ASIDE: tuple[Step, ...] = (
    Step("/about", "about"),
    Step("/display", "display"),
    Step("/clinician", "clinician"),
    Step("/glossary", "glossary"),
)
"""Pages outside the journey: Back returns to where the person came from."""


def journey_index(path: str) -> int | None:
    """Where `path` sits in the journey (0 is welcome), or None for an aside page."""
    for index, step in enumerate(JOURNEY):
        if step.path == path:
            return index
    return None


def neighbours(path: str) -> tuple[Step | None, Step | None]:
    """The steps before and after `path` in the journey."""
    index = journey_index(path)
    if index is None:
        return None, None
    before = JOURNEY[index - 1] if index > 0 else None
    after = JOURNEY[index + 1] if index + 1 < len(JOURNEY) else None
    return before, after
