"""The knowledge check for this person: the questions for his type, and how he answered."""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, KnowledgeItem
from decisionaid.domain.references import strip_citations
from decisionaid.domain.session import Profile, Session


def knowledge_for(content: Content, profile: Profile) -> list[KnowledgeItem]:
    """The questions for this person's type; all of them when he is not sure or did not say
    (he then sees both types' options, so facts about both are his to know)."""
    kind = profile.hemophilia_type
    if kind in ("A", "B"):
        return [k for k in content.knowledge if k.applies_to in (kind, "both")]
    return list(content.knowledge)


@dataclass(frozen=True)
class KnowledgeLine:
    """One question as the summary prints it: the person's answer, and whether it was right."""

    question: str
    answer: str
    """The choice he picked, or the summary's word for "not answered"."""
    verdict: str
    """"Right", "Not right" or "Not answered", in the content's words."""
    right: bool | None
    """None when he did not answer."""
    right_answer: str
    explanation: str
    """Why, without citation marks (the summary prints it for a miss)."""


def knowledge_lines(content: Content, session: Session) -> tuple[KnowledgeLine, ...]:
    """Each question for this person, in the content's order, with his answer and its verdict.

    An answer saved for a question he is no longer shown (his type changed) is not
    printed: he never saw that question under his answers now."""
    t = content.text
    lines = []
    for item in knowledge_for(content, session.profile):
        given = session.knowledge_answers.get(item.id)
        picked = item.choices[given] if given is not None and 0 <= given < len(item.choices) else None
        right = None if picked is None else given == item.answer
        verdict = {None: "knowledge.not_answered", True: "knowledge.right", False: "knowledge.wrong"}[right]
        lines.append(
            KnowledgeLine(
                question=item.question,
                answer=picked if picked is not None else t("summary.empty"),
                verdict=t(verdict),
                right=right,
                right_answer=item.choices[item.answer],
                explanation=strip_citations(item.explanation),
            )
        )
    return tuple(lines)
