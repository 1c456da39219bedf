"""Next steps: a plan built from each readiness answer that is "no" (Ottawa decision guide).

Each readiness question says in content what a "no" leads to (`leads_to`); the rules
here add what the session knows: the questions to ask and the readings not opened
yet for missing facts, the page to go back to for unclear values, the people to talk
to for missing support. Feeling pressure from others adds a step of its own. Pure:
the screen and every exporter show the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from decisionaid.domain.content import Content, ReadinessItem
from decisionaid.domain.session import Session


@dataclass(frozen=True)
class StepItem:
    """One thing to do within a step: a label ("Ask", "Read", "Talk with") and what."""

    label: str
    text: str
    page: str | None = None
    """A journey step's key (e.g. "values") the screen offers as a button, or None."""


@dataclass(frozen=True)
class NextStep:
    """What to do about one "no" answer: the content's words and the things to do."""

    kind: str
    """The readiness item's `leads_to`, or "pressure"."""
    about: str
    """What it answers: 'You said "no" to: ...', or that he feels pressure."""
    text: str
    items: tuple[StepItem, ...] = ()


def _facts(content: Content, session: Session) -> tuple[StepItem, ...]:
    """The suggested questions the summary carries (his own are printed apart, as typed),
    and the readings for his type not opened yet."""
    # Imported here: summary imports this module for the printed plan.
    from decisionaid.domain.summary import suggested_questions

    t = content.text
    suggestions = suggested_questions(content, session)
    if session.questions_chosen is not None:
        chosen = set(session.questions_chosen)
        suggestions = [s for s in suggestions if s.id in chosen]
    items = [StepItem(t("next.ask"), s.text) for s in suggestions]
    seen = {*session.modules_opened, *session.modules_read}
    kind = session.profile.hemophilia_type
    unread = [
        m
        for m in content.modules
        if m.id not in seen and (kind not in ("A", "B") or m.applies_to in (kind, "both"))
    ]
    items += [StepItem(t("next.read"), m.title, page="learn") for m in unread]
    return tuple(items)


def _type_known(session: Session) -> bool:
    return session.profile.hemophilia_type in ("A", "B")


def _values(content: Content, session: Session) -> tuple[StepItem, ...]:
    """Back to the page where he rates what matters and picks his top three; first to
    'About you' when his type is not known, since the fit waits for it (review R8-7)."""
    t = content.text
    values = StepItem(t("next.go_to"), t("step.values.title"), page="values")
    if _type_known(session):
        return (values,)
    return (StepItem(t("next.go_to"), t("step.about_you.title"), page="about_you"), values)


def _support(content: Content, session: Session) -> tuple[StepItem, ...]:
    """The people he said are involved, then his care team and a patient group."""
    t = content.text
    people = [p for p in session.others_involved if p not in ("no_one", "care_team")]
    people += ["care_team", "patient_group"]
    return tuple(StepItem(t("next.talk_with"), t(f"next.person.{p}")) for p in people)


def _time(content: Content, session: Session) -> tuple[StepItem, ...]:
    """Nothing to list: the step's words say there is time, and to talk it through."""
    return ()


RULES: dict[str, Callable[[Content, Session], tuple[StepItem, ...]]] = {
    "take_time": _time,
    "facts": _facts,
    "values": _values,
    "support": _support,
}
"""What each kind of "no" adds to its step, by the readiness item's `leads_to`."""


def _step(content: Content, session: Session, item: ReadinessItem) -> NextStep:
    rule = RULES.get(item.leads_to or "")
    items = rule(content, session) if rule else ()
    words = item.if_no
    if item.if_no_type_unknown and not _type_known(session):
        words = item.if_no_type_unknown
    return NextStep(item.leads_to or "take_time", content.text("next.said_no", item=item.text), words, items)


def next_steps(content: Content, session: Session) -> tuple[NextStep, ...]:
    """A step for each readiness question answered "no", in the content's order, then one
    for feeling pressure from others. Nothing for questions not answered."""
    steps = [
        _step(content, session, item)
        for item in content.readiness.readiness
        if session.readiness.get(item.id) is False
    ]
    if session.pressure == "yes":
        t = content.text
        steps.append(
            NextStep(
                "pressure",
                t("next.said_pressure"),
                t("next.pressure"),
                (StepItem(t("next.go_to"), t("step.values.title"), page="values"),),
            )
        )
    return tuple(steps)
