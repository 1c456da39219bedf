"""The discussion summary: one pure object built from content and session.

Every exporter (PDF, Markdown, HTML) and the summary screen render this one
object and nothing else, so they cannot disagree. All wording comes from
content (ui.yaml and the content files); the person's own words are kept as
`UserText` so exporters know to show them literally, never as markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from decisionaid.domain.content import Content, Option
from decisionaid.domain.references import citation_line, strip_citations
from decisionaid.domain.scoring import fit_scores
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.tailoring import as_weighed, flag_notes, notes_for_option, options_for
from decisionaid.domain.ui_keys import LABEL_KEYS, PROFILE_FIELDS, SUMMARY_HEADINGS


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


@dataclass(frozen=True)
class FitLine:
    """One option's fit as the summary shows it."""

    option: str
    fit: float
    """0-100; meaningless when the summary's `fit_available` is False."""
    status_note: str | None
    drivers_for: tuple[str, ...]
    drivers_against: tuple[str, ...]
    limits_crossed: tuple[str, ...]
    flags: tuple[str, ...]


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
    hard_limits: tuple[str, ...]
    fit_available: bool
    fit_explainer: str
    fit_notes: tuple[str, ...]
    fits: tuple[FitLine, ...]
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
    """Small fixed words: pulls_up, pulls_down, limits_crossed, flags, none, made."""


@dataclass(frozen=True)
class SuggestedQuestion:
    """A question the aid suggests from the person's answers, with a stable id."""

    id: str
    text: str
    origin: str


def _profile_lines(content: Content, profile: Profile) -> tuple[LabelledValue, ...]:
    t = content.text
    lines = []
    for name in PROFILE_FIELDS:
        value = getattr(profile, name)
        if value is None:
            continue
        if name == "current_treatment":
            try:
                answer = content.option(value).name
            except KeyError:
                answer = t("profile.a.current_treatment.other")
        elif value == "not_sure":
            answer = t("profile.a.not_sure")
        else:
            answer = t(f"profile.a.{name}.{value}")
        lines.append(LabelledValue(t(f"profile.q.{name}"), answer))
    return tuple(lines)


def suggested_questions(content: Content, session: Session) -> list[SuggestedQuestion]:
    """Questions for the care team drawn from the notes that apply and the person's concerns."""
    t = content.text
    found = [
        SuggestedQuestion(f"flag:{n.flag.id}", n.flag.question, "flag")
        for n in flag_notes(content, session.profile)
    ]
    limits = {h.id: h for h in content.hard_limits}
    found += [
        SuggestedQuestion(f"limit:{i}", t("question.limit", statement=limits[i].statement), "concern")
        for i in session.hard_limits
        if i in limits
    ]
    names = {a.id: a.name for a in content.attributes}
    top = sorted(
        ((w, a) for a, w in session.importance.items() if w >= 3 and a in names), key=lambda p: (-p[0], p[1])
    )
    found += [
        SuggestedQuestion(f"priority:{a}", t("question.priority", attribute=names[a]), "concern")
        for _, a in top[:3]
    ]
    return found


def _questions(content: Content, session: Session) -> tuple[Question, ...]:
    suggestions = suggested_questions(content, session)
    if session.questions_chosen is not None:
        chosen = set(session.questions_chosen)
        suggestions = [s for s in suggestions if s.id in chosen]
    own = [Question(UserText(q), "own") for q in session.own_questions if q.strip()]
    return (*(Question(s.text, s.origin) for s in suggestions), *own)


def _fit_section(content: Content, session: Session, shown: list[Option]):
    t = content.text
    attrs = {a.id: a.name for a in content.attributes}
    limits = {h.id: h.statement for h in content.hard_limits}
    weighed = [as_weighed(content, session.profile, o) for o in shown]
    result = fit_scores(weighed, list(attrs), session.importance, session.hard_limits, content.hard_limits)
    notes = flag_notes(content, session.profile)
    lines = []
    for fit in result.fits:
        option = content.option(fit.option_id)
        lines.append(
            FitLine(
                option=option.name,
                fit=fit.fit,
                status_note=t(f"summary.status.{option.status}") if option.status != "available" else None,
                drivers_for=tuple(attrs[d.attribute_id] for d in fit.drivers_for),
                drivers_against=tuple(attrs[d.attribute_id] for d in fit.drivers_against),
                limits_crossed=tuple(limits[i] for i in fit.limits_crossed),
                flags=tuple(n.flag.title for n in notes_for_option(notes, option.id)),
            )
        )
    fit_notes = []
    if result.nothing_matters:
        answered = any(a in attrs for a in session.importance)
        fit_notes.append(t("summary.fit.nothing_matters" if answered else "summary.fit.not_answered"))
    else:
        if result.all_equal:
            fit_notes.append(t("summary.fit.all_equal"))
        if result.near:
            fit_notes.append(t("summary.fit.close_call"))
        if result.swap_attribute:
            fit_notes.append(t("summary.fit.swap", attribute=attrs[result.swap_attribute]))
    return not result.nothing_matters, tuple(fit_notes), tuple(lines)


def _knowledge(content: Content, session: Session) -> tuple[LabelledValue | None, tuple[str, ...]]:
    answered = {i.id: i for i in content.knowledge if i.id in session.knowledge_answers}
    if not answered:
        return None, ()
    right = [i for i in answered.values() if session.knowledge_answers[i.id] == i.answer]
    value = content.text(
        "summary.knowledge.value", right=len(right), total=len(content.knowledge), answered=len(answered)
    )
    misses = tuple(strip_citations(i.explanation) for i in answered.values() if i not in right)
    return LabelledValue(content.text("summary.knowledge.label"), value), misses


def _readiness(content: Content, session: Session) -> tuple[tuple[LabelledValue, ...], str | None]:
    t = content.text
    items = content.readiness.readiness
    lines = []
    for item in items:
        answer = session.readiness.get(item.id)
        word = (
            t("summary.empty")
            if answer is None
            else t("summary.readiness.yes" if answer else "summary.readiness.no")
        )
        lines.append(LabelledValue(item.text, word))
    # SURE: fewer than four 'yes' answers suggests decisional conflict.
    yes = sum(1 for item in items if session.readiness.get(item.id) is True)
    answered = any(item.id in session.readiness for item in items)
    note = t("summary.readiness.conflict") if answered and yes < len(items) else None
    return tuple(lines), note


def _cited_sources(content: Content, shown: list[Option]) -> tuple[str, ...]:
    cited: list[str] = []
    for option in shown:
        for score in option.attributes.values():
            if score.source not in cited:
                cited.append(score.source)
    return tuple(citation_line(content.sources[s]) for s in cited if s in content.sources)


def build_summary(content: Content, session: Session, today: dt.date, app_version: str) -> DiscussionSummary:
    """The discussion summary of this session, in the words of this content."""
    t = content.text
    shown = options_for(content, session.profile)
    attrs = {a.id: a.name for a in content.attributes}
    order = list(attrs)
    known = [(a, w) for a, w in session.importance.items() if a in attrs and w > 0]
    priorities = tuple(
        Priority(attrs[a], w, t(f"importance.{w}"))
        for a, w in sorted(known, key=lambda p: (-p[1], order.index(p[0])))
    )
    limits = {h.id: h.statement for h in content.hard_limits}
    fit_available, fit_notes, fits = _fit_section(content, session, shown)
    knowledge, misses = _knowledge(content, session)
    readiness, readiness_note = _readiness(content, session)
    if session.leaning == "not_sure":
        leaning = t("summary.leaning.not_sure")
    elif session.leaning and session.leaning in {o.id for o in content.options}:
        leaning = content.option(session.leaning).name
    else:
        leaning = t("summary.empty")
    roles = {r.id: r.text for r in content.readiness.roles}
    return DiscussionSummary(
        title=t("summary.title"),
        subtitle=t("summary.subtitle"),
        language=content.locale,
        created=today,
        content_version=content.about.content_version,
        app_version=app_version,
        headings={key: t(f"summary.h.{key}") for key in SUMMARY_HEADINGS},
        profile=_profile_lines(content, session.profile),
        priorities=priorities,
        hard_limits=tuple(limits[i] for i in session.hard_limits if i in limits),
        fit_available=fit_available,
        fit_explainer=t("summary.fit_explainer"),
        fit_notes=fit_notes,
        fits=fits,
        knowledge=knowledge,
        knowledge_misses=misses,
        readiness=readiness,
        readiness_note=readiness_note,
        leaning=leaning,
        role=roles.get(session.preferred_role or "", t("summary.empty")),
        questions=_questions(content, session),
        notes=UserText(session.notes),
        clinician_notes=UserText(session.clinician_notes),
        sources=_cited_sources(content, shown),
        disclaimer=t("summary.disclaimer"),
        empty=t("summary.empty"),
        labels={key: t(f"summary.{key}") for key in LABEL_KEYS}
        | {
            "made": t(
                "summary.made", date=today.isoformat(), content=content.about.content_version, app=app_version
            )
        },
    )
