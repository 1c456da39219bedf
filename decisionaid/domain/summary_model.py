"""The shapes of the discussion summary: what every exporter and the summary screen render.

Kept apart from the builder (summary.py) so each stays short; summary.py re-exports them,
so `from decisionaid.domain.summary import DiscussionSummary` keeps working.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from decisionaid.domain.bleed_rates import BleedRates
from decisionaid.domain.fit_summary import ApartLine, FitLine
from decisionaid.domain.harm_pictures import HarmPicture
from decisionaid.domain.knowledge import KnowledgeLine
from decisionaid.domain.next_steps import NextStep
from decisionaid.domain.option_grid import OptionGrid
from decisionaid.domain.outcome_view import OptionOutcomeView


@dataclass(frozen=True)
class UserText:
    """Words the person typed: exporters must escape them, never interpret them."""

    text: str


@dataclass(frozen=True)
class LabelledValue:
    """A label and its answer, e.g. ("Type of hemophilia", "B")."""

    label: str
    value: str


@dataclass(frozen=True)
class Priority:
    """An attribute and how much it matters to the person (0-4 and its label)."""

    attribute: str
    importance: int
    importance_label: str
    top: bool = False
    """One of the three the person chose as mattering most (the trade-off step)."""


@dataclass(frozen=True)
class Question:
    """A question for the care team, and where it came from."""

    text: str | UserText
    origin: str
    """'flag', 'concern', 'chosen' or 'own'."""


@dataclass(frozen=True)
class DiscussionSummary:
    """Everything the printed summary holds, in the order it is printed."""

    title: str
    subtitle: str
    language: str
    created: dt.date
    content_version: str
    app_version: str
    headings: dict[str, str]
    """Section titles by key: about_you, priorities, limits, fit, knowledge,
    readiness, leaning, role, questions, notes, clinician_notes, sources."""
    profile: tuple[LabelledValue, ...]
    priorities: tuple[Priority, ...]
    """Rated above "not important": the top three first, then by importance."""
    top_three: tuple[str, ...]
    not_important: tuple[str, ...]
    not_answered: tuple[str, ...]
    """Kept apart: "not answered" is not "not important"."""
    hard_limits: tuple[str, ...]
    fit_available: bool
    fit_explainer: str
    fit_order: str
    """That the options stand in a fixed order that is not a ranking."""
    fit_notes: tuple[str, ...]
    grid_priorities: tuple[str, ...]
    """The rows of the alignment grid (attribute names)."""
    fits: tuple[FitLine, ...]
    """In the fixed order (the Options page's: what he uses now, then A to Z), never by fit."""
    apart: tuple[ApartLine, ...]
    """Options shown but not scored, with why."""
    knowledge: LabelledValue | None
    knowledge_misses: tuple[str, ...]
    readiness: tuple[LabelledValue, ...]
    readiness_note: str | None
    leaning: str
    role: str
    questions: tuple[Question, ...]
    notes: UserText
    clinician_notes: UserText
    sources: tuple[str, ...]
    disclaimer: str
    empty: str
    """What to print where a section has nothing in it."""
    labels: dict[str, str] = field(default_factory=dict)
    """Small fixed words (ui_keys.LABEL_KEYS) and "made"."""
    # Deciding with others (issue 14): added with defaults, so a summary made without
    # them (an exporter's test data) still builds.
    knowledge_lines: tuple[KnowledgeLine, ...] = ()
    """Each question for his type, with his answer and whether it was right."""
    next_steps: tuple[NextStep, ...] = ()
    """A step for each readiness "no" (and for feeling pressure), with what to do."""
    leaning_change: str | None = None
    """Where he leaned and how sure he was at the start and now, or None if not asked."""
    others: tuple[LabelledValue, ...] = ()
    """Who else is involved, what each would prefer, whether he feels pressure."""
    others_view: UserText = UserText("")
    """A partner's or parent's view, as typed."""
    outcomes_title: str = ""
    outcomes_intro: str = ""
    outcomes: tuple[OptionOutcomeView, ...] = ()
    """The outcome table (bleeds against a named comparator, main harms, how sure, short
    citations) of the options the person is weighing: the one he uses now, his leaning and
    those he picked on Compare; every option for his type when he has named none."""
    banner: tuple[str, ...] = ()
    """The first-page lines (issue 15): content and search dates, who wrote it, funding,
    interests, updates, and whether a hemophilia clinician has signed it off."""
    set_aside: str = ""
    """Says how many answers, given with an earlier version of the content, are about
    features or limits this version no longer asks, and that they are kept but not used;
    "" when there are none."""
    grid: OptionGrid | None = None
    """The one-page option grid (issue 15): the questions patients ask, for the options he
    weighs, each answer citing its numbers in `sources`. None in a summary made before it."""
    harm_pictures: tuple[HarmPicture, ...] = ()
    """The pictures of 100 people of the main harms of the options in `outcomes` (issue 15)."""
    bleed_rates: BleedRates | None = None
    """The bleeds a year while on each option of his type (both types when it is not known),
    one table per type, printed before the outcome tables (IPDAS QI7, review M6-4). None in a
    summary made before it."""


@dataclass(frozen=True)
class SuggestedQuestion:
    """A question the aid suggests from the person's answers, with a stable id."""

    id: str
    text: str
    origin: str
