"""Clinician mode: what to talk about, and a teach-back check, from a patient's answers.

Nothing here recommends an option. Talking points name what the patient said
and where the aid found something to discuss; the teach-back list puts the
facts he missed or skipped first, so the clinician can ask him to explain them
in his own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content
from decisionaid.domain.knowledge import answer_given, knowledge_for
from decisionaid.domain.session import Session
from decisionaid.domain.summary import DiscussionSummary
from decisionaid.domain.tailoring import flag_notes, one_per_flag


@dataclass(frozen=True)
class TeachBack:
    """One knowledge item: the patient's answer, the right one, and why."""

    item_id: str
    question: str
    patient_answer: str | None
    """None when he did not answer it."""
    right_answer: str
    correct: bool | None
    """None when not answered."""
    explanation: str


def teach_back(content: Content, session: Session) -> tuple[TeachBack, ...]:
    """Every knowledge item for the patient's type, missed ones first, then unanswered,
    then right ones."""
    items = []
    for item in knowledge_for(content, session.profile):
        given = answer_given(item, session)  # review M6-9: not an answer to reworded choices
        answered = given is not None
        items.append(
            TeachBack(
                item_id=item.id,
                question=item.question,
                patient_answer=item.choices[given] if answered and given is not None else None,
                right_answer=item.choices[item.answer],
                correct=(given == item.answer) if answered else None,
                explanation=item.explanation,
            )
        )
    order = {False: 0, None: 1, True: 2}
    return tuple(sorted(items, key=lambda t: order[t.correct]))


def talking_points(content: Content, session: Session, summary: DiscussionSummary) -> tuple[str, ...]:
    """Points the clinician may want to raise, each from something the patient said or chose."""
    t = content.text
    points: list[str] = []
    top = [p.attribute for p in summary.priorities if p.top]
    if top:
        points.append(t("clinician.point.top_three", attributes="; ".join(top)))
    if session.leaning == "not_sure":
        points.append(t("clinician.point.unsure"))
    elif session.leaning:
        points.append(t("clinician.point.leaning", option=summary.leaning))
    for line in summary.fits:
        if line.limits_crossed:
            points.append(
                t("clinician.point.limit", option=line.option, limits="; ".join(line.limits_crossed))
            )
    points += list(summary.fit_notes)
    not_ready = [item.text for item in content.readiness.readiness if session.readiness.get(item.id) is False]
    points += [t("clinician.point.not_ready", item=text) for text in not_ready]
    missed = sum(1 for item in teach_back(content, session) if item.correct is False)
    if missed:
        points.append(t("clinician.point.misses", count=missed))
    for note in one_per_flag(flag_notes(content, session.profile)):
        points.append(t("clinician.point.flag", title=note.flag.title, reason=note.reason))
    if session.preferred_role:
        points.append(t("clinician.point.role", role=summary.role))
    return tuple(points) or (t("clinician.point.none"),)
