"""Two windows, one set of answers: this window's changes merged over what another saved.

Each window remembers the saved session it last read or wrote (the base). When the
file has changed since, every answer this window changed is laid over the file's
current answers, one field at a time, so neither window erases the other's work.

Where both windows changed the same answer differently:
- a choice (a profile answer, an importance step, the leaning, the top three
  priorities, ...) keeps the answer that was saved first, the other window's, and the
  person is told which ones, so he can choose again. The top three are one ranked
  answer: they are kept or replaced whole, never mixed into four or into an order
  no one chose;
- free text (notes, clinician notes) keeps both: the saved text, a blank line, then
  this window's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from decisionaid.domain.session import Session

FREE_TEXT = ("notes", "clinician_notes", "others_view")
"""Text a person writes: when both windows changed it, both versions are kept."""
COLLECTIONS = (
    "modules_read",
    "hard_limits",
    "own_questions",
    "questions_chosen",
    "compare_picks",
    "modules_opened",
    "others_involved",
)
"""Lists of things: what each window added or removed is applied to the other's list.
Not `top_priorities`: a ranking of three is one answer, merged whole as a choice."""
KEYED = (
    "importance",
    "knowledge_answers",
    "knowledge_picked",
    "knowledge_asked",
    "readiness",
    "others_prefer",
)
"""Answers per item: merged item by item."""
THIS_WINDOW = ("schema_version", "content_version", "last_route")
"""Not answers: where this window is, and what it was made with."""

Path = tuple[str, ...]
"""Where an answer lives in the session, e.g. ("profile", "severity") or ("leaning",)."""


@dataclass(frozen=True)
class Merged:
    """The merged session and the answers both windows changed differently."""

    session: Session
    kept_theirs: tuple[Path, ...] = ()
    """Choices both changed: the other window's answer (saved first) was kept."""
    kept_both: tuple[Path, ...] = ()
    """Free text both changed: both versions were kept, the saved one first."""


def same_answers(one: Session, other: Session) -> bool:
    """Whether two sessions hold the same answers (where each window is, and when it
    started or saved, do not count)."""
    skip = {*THIS_WINDOW, "created", "updated"}
    return one.model_dump(exclude=skip) == other.model_dump(exclude=skip)


def _pick(base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """One answer, three ways; True when both sides changed it differently."""
    if mine in (base, theirs):
        return theirs, False
    if theirs == base:
        return mine, False
    return theirs, True


def _collection(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """The other window's list, less what this window removed, plus what it added."""
    removed = set(base) - set(mine)
    added = [item for item in mine if item not in base and item not in theirs]
    return [item for item in theirs if item not in removed] + added


def merge_sessions(base: Session, mine: Session, theirs: Session) -> Merged:
    """This window's changes since `base` laid over `theirs`, the file as another window
    saved it. Pure: the caller reads and writes the file."""
    b, m, t = base.model_dump(), mine.model_dump(), theirs.model_dump()
    merged: dict[str, Any] = {}
    kept_theirs: list[Path] = []
    kept_both: list[Path] = []
    for name in Session.model_fields:
        if name in THIS_WINDOW:
            merged[name] = m[name]
        elif name == "updated":
            merged[name] = max(mine.updated, theirs.updated)
        elif name == "profile":
            merged[name] = {}
            for key in m[name]:
                merged[name][key], clash = _pick(b[name][key], m[name][key], t[name][key])
                if clash:
                    kept_theirs.append((name, key))
        elif name in KEYED:
            items: dict[str, Any] = {}
            for key in [*t[name], *(k for k in m[name] if k not in t[name])]:
                value, clash = _pick(b[name].get(key), m[name].get(key), t[name].get(key))
                if clash:
                    kept_theirs.append((name, key))
                if value is not None:
                    items[key] = value
            merged[name] = items
        elif name in COLLECTIONS and None not in (m[name], t[name]):
            merged[name] = _collection(b[name] or [], m[name], t[name])
        else:
            value, clash = _pick(b[name], m[name], t[name])
            if clash and name in FREE_TEXT:
                value = f"{t[name]}\n\n{m[name]}"
                kept_both.append((name,))
            elif clash and name != "created":
                kept_theirs.append((name,))
            merged[name] = value
    return Merged(Session.model_validate(merged), tuple(kept_theirs), tuple(kept_both))
