"""The knowledge check for this person: the questions for his type, and how he answered."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from decisionaid.domain.content import Content, KnowledgeItem
from decisionaid.domain.eligibility import standing
from decisionaid.domain.references import strip_citations
from decisionaid.domain.session import Profile, Session


def knowledge_for(content: Content, profile: Profile) -> list[KnowledgeItem]:
    """The questions for this person's type (all types when he is not sure or did not say),
    leaving out those about options that are not open to him (review R4-12: no gene
    therapy questions for someone it is ruled out for). An option is open when it is
    scored for him, or set apart only because his type is not known yet."""
    kind = profile.hemophilia_type
    items = content.knowledge
    if kind in ("A", "B"):
        items = [k for k in items if k.applies_to in (kind, "both")]
    scored, apart = standing(content, profile)
    open_ids = {o.id for o in scored} | {a.option_id for a in apart if a.standing == "type_unknown"}
    return [k for k in items if not k.about or open_ids & set(k.about)]


def fingerprint(item: KnowledgeItem) -> str:
    """A short fingerprint of a question as the person meets it: its words, its choices and
    the words of the right one. Saved with his answer (review V8-9b). The choices count as a
    set and the question's spacing is ignored, so moving a choice or a space does not set an
    answer aside (review M7-3: that undid V8-9a)."""
    # Spacing, also before punctuation, is not wording (review M8-10).
    question = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(item.question.split()))
    asked = json.dumps([question, sorted(item.choices), item.choices[item.answer]], ensure_ascii=False)
    return hashlib.sha256(asked.encode("utf-8")).hexdigest()[:16]


def _asked_the_same(item: KnowledgeItem, session: Session) -> bool:
    """False when his answer was given to another wording or answer key of this question;
    an answer saved before fingerprints were kept (no fingerprint) counts as the same."""
    saved = session.knowledge_asked.get(item.id)
    return saved is None or saved == fingerprint(item)


def answer_given(item: KnowledgeItem, session: Session) -> int | None:
    """The choice the person picked for this question, or None when he did not answer, or
    when the words of that choice changed after he picked it (review M6-9: the summary
    printed today's words as his answer), or when the question or its right answer changed
    since (review V8-9b: an old answer scored against a new key)."""
    given = session.knowledge_answers.get(item.id)
    if given is None or not _asked_the_same(item, session):
        return None
    seen = session.knowledge_picked.get(item.id)
    if seen is not None and seen in item.choices:
        return item.choices.index(seen)  # review V8-9: the same words, moved in the list
    if seen is not None or not 0 <= given < len(item.choices):
        return None
    return given


def answer_changed(item: KnowledgeItem, session: Session) -> str | None:
    """The words he picked, when the question, its choices or its right answer changed
    since he chose; else None."""
    seen = session.knowledge_picked.get(item.id)
    if seen is None or item.id not in session.knowledge_answers:
        return None
    if seen in item.choices and _asked_the_same(item, session):
        return None
    return seen


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
    answer_changed: bool = False
    """True when the choices were reworded after he chose: `answer` is the words he saw."""
    """Why, without citation marks (the summary prints it for a miss)."""


def knowledge_lines(content: Content, session: Session) -> tuple[KnowledgeLine, ...]:
    """Each question for this person, in the content's order, with his answer and its verdict.

    An answer saved for a question he is no longer shown (his type changed) is not
    printed: he never saw that question under his answers now."""
    t = content.text
    lines = []
    for item in knowledge_for(content, session.profile):
        given = answer_given(item, session)
        picked = None if given is None else item.choices[given]
        right = None if given is None else given == item.answer
        verdict = {None: "knowledge.not_answered", True: "knowledge.right", False: "knowledge.wrong"}[right]
        changed = answer_changed(item, session)
        if changed is not None:
            verdict, picked = "knowledge.changed", changed
        lines.append(
            KnowledgeLine(
                question=item.question,
                answer=picked if picked is not None else t("summary.empty"),
                verdict=t(verdict),
                right=right,
                right_answer=item.choices[item.answer],
                explanation=strip_citations(item.explanation),
                answer_changed=changed is not None,
            )
        )
    return tuple(lines)
