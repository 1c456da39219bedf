"""The discussion summary: one pure object built from content and session.

Every exporter (PDF, Markdown, HTML) and the summary screen render this one
object and nothing else, so they cannot disagree. All wording comes from
content (ui.yaml and the content files); the person's own words are kept as
`UserText` so exporters know to show them literally, never as markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from decisionaid.domain.bleed_rates import bleed_rates
from decisionaid.domain.content import Content, Option, in_shown_order
from decisionaid.domain.deliberation import leaning_change, others_lines
from decisionaid.domain.eligibility import apart_words, for_type
from decisionaid.domain.fit import priorities, standing
from decisionaid.domain.fit_summary import ApartLine, FitView, fit_view
from decisionaid.domain.harm_pictures import harm_pictures
from decisionaid.domain.knowledge import answer_changed, answer_given, knowledge_for, knowledge_lines
from decisionaid.domain.next_steps import next_steps
from decisionaid.domain.option_grid import OptionGrid, limit_crossers, numbered, option_grid, row_for
from decisionaid.domain.outcome_view import outcome_views
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.domain.references import citation_line, strip_citations
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary_model import (
    DiscussionSummary,
    LabelledValue,
    Priority,
    Question,
    SuggestedQuestion,
    UserText,
)
from decisionaid.domain.tailoring import flag_notes, one_per_flag
from decisionaid.domain.ui_keys import (
    ASKED_ONLY_WHEN,
    ASKED_SINCE_ISSUE_14,
    LABEL_KEYS,
    PROFILE_FIELDS,
    SHARED_ANSWERS,
    SUMMARY_HEADINGS,
    is_asked,
)


def _profile_lines(content: Content, profile: Profile) -> tuple[LabelledValue, ...]:
    t = content.text
    lines = []
    for name in PROFILE_FIELDS:
        if not is_asked(name, profile):
            continue
        value = getattr(profile, name)
        if value is None:
            # Asked since issue 14, or asked only after an answer (R5-4: "Could you become
            # pregnant?" of a woman): a skipped one prints "Not answered" (review R6-12).
            # The type too: the fit waits for it, so a clinician must see it was skipped (R8-3).
            if name in ASKED_SINCE_ISSUE_14 or name in ASKED_ONLY_WHEN or name == "hemophilia_type":
                lines.append(LabelledValue(t(f"profile.q.{name}"), t("summary.not_answered")))
            continue
        if name == "hemophilia_type" and value == "not_sure":
            answer = t("summary.type_not_known")
        elif name == "current_treatment":
            try:
                answer = content.option(value).name
            except KeyError:
                answer = t("profile.a.current_treatment.other")
        elif value in SHARED_ANSWERS:
            answer = t(f"profile.a.{value}")
        else:
            answer = t(f"profile.a.{name}.{value}")
        lines.append(LabelledValue(t(f"profile.q.{name}"), answer))
    return tuple(lines)


def suggested_questions(content: Content, session: Session) -> list[SuggestedQuestion]:
    """Questions for the care team drawn from the notes that apply and the person's concerns."""
    t = content.text
    found = [
        SuggestedQuestion(f"flag:{n.flag.id}", n.question, "flag")
        for n in one_per_flag(flag_notes(content, session.profile))
    ]
    limits = {h.id: h for h in content.hard_limits}
    found += [
        SuggestedQuestion(f"limit:{i}", t("question.limit", statement=limits[i].statement), "concern")
        for i in session.hard_limits
        if i in limits
    ]
    names = {a.id: a.name for a in content.attributes}
    # The same three, in the same order, as the first rows of the fit's grid.
    found += [
        SuggestedQuestion(f"priority:{a}", t("question.priority", attribute=names[a]), "concern")
        for a in priorities(list(names), session)[:3]
    ]
    return found


def _questions(content: Content, session: Session) -> tuple[Question, ...]:
    suggestions = suggested_questions(content, session)
    if session.questions_chosen is not None:
        chosen = set(session.questions_chosen)
        suggestions = [s for s in suggestions if s.id in chosen]
    own = [Question(UserText(q), "own") for q in session.own_questions if q.strip()]
    return (*(Question(s.text, s.origin) for s in suggestions), *own)


def _knowledge(content: Content, session: Session) -> tuple[LabelledValue | None, tuple[str, ...]]:
    # Only the questions for his type: an A reader's score is never out of B's questions.
    asked = knowledge_for(content, session.profile)
    given = {i.id: answer_given(i, session) for i in asked}
    answered = {i.id: i for i in asked if given[i.id] is not None}
    if not answered and not any(answer_changed(i, session) for i in asked):
        return None, ()  # a reworded answer still prints, to be asked again (review V8-8)
    right = [i for i in answered.values() if given[i.id] == i.answer]
    value = content.text(
        "summary.knowledge.value", right=len(right), total=len(asked), answered=len(answered)
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


def _cited_sources(
    content: Content, shown: list[Option], apart: tuple[ApartLine, ...], grid: OptionGrid
) -> list[str]:
    """The ids of the printed reference list: the sources of the scores shown, then of the
    reasons an option is not scored (a printed "not for you" must say on what it rests),
    then those the option grid adds, each once."""
    cited: list[str] = []
    for source in (
        *(score.source for option in shown for score in option.attributes.values()),
        *(source for line in apart for source in line.sources),
        *grid.source_ids,
    ):
        if source not in cited and source in content.sources:
            cited.append(source)
    return cited


def _priorities(content: Content, session: Session) -> tuple[Priority, ...]:
    """Rated above "not important": the chosen top three first, then by importance."""
    attrs = {a.id: a.name for a in content.attributes}
    order = list(attrs)
    top = [a for a in session.top_priorities if a in attrs]
    known = [(a, w) for a, w in session.importance.items() if a in attrs and w > 0]
    ranked = sorted(
        known,
        key=lambda p: (p[0] not in top, top.index(p[0]) if p[0] in top else 0, -p[1], order.index(p[0])),
    )
    return tuple(Priority(attrs[a], w, content.text(f"importance.{w}"), a in top) for a, w in ranked)


def weighed_options(content: Content, session: Session) -> list[Option]:
    """The options the person is weighing, in the shown order: what he uses now, where he
    leans and his Compare picks; all the options for his type when these name fewer than
    two products (M3-6: a "comparison" of what he uses now alone favours staying with it)."""
    ids = {session.profile.current_treatment, session.leaning, *(session.compare_picks or [])}
    of_type = for_type(content, session.profile)
    named = [o for o in of_type if o.id in ids]
    products = [o for o in named if o.kind != "current"]
    return in_shown_order(named if len(products) >= 2 else of_type, session.profile.current_treatment)


def banner(content: Content) -> tuple[str, ...]:
    """The lines printed under the title: how old the content is, who wrote and checked it,
    who paid, their interests and how it is kept up to date, all from about.md."""
    t, about = content.text, content.about
    signoff = about.clinical_signoff
    reviewed = (
        t(
            "banner.reviewed",
            who=signoff.by,
            credentials=signoff.credentials,
            interests=signoff.interests,
            date=signoff.date.isoformat(),
        )
        if signoff is not None
        else t("banner.not_reviewed")
    )
    return (
        t(
            "banner.dates",
            content_date=about.content_date.isoformat(),
            searched=about.evidence_searched.isoformat(),
        ),
        f"{t('banner.written_by', who=about.written_by)} {reviewed}",
        t("banner.funding", funding=about.funding),
        t("banner.interests", conflicts=about.conflicts),
        t("banner.updates", policy=about.update_policy),
    )


def set_aside_answers(content: Content, session: Session) -> str:
    """How many of the person's ratings and limits are about features or limits this
    content no longer has, in words ("" when none): they stay in the session file, unused,
    and he should know, rather than see them vanish."""
    attributes = {a.id for a in content.attributes}
    limits = {h.id for h in content.hard_limits}
    count = len([a for a in session.importance if a not in attributes])
    count += len([h for h in session.hard_limits if h not in limits])
    return content.text("summary.set_aside", count=count) if count else ""


def build_summary(content: Content, session: Session, today: dt.date, app_version: str) -> DiscussionSummary:
    """The discussion summary of this session, in the words of this content."""
    t = content.text
    scored, set_apart = standing(content, session.profile)
    limits = {h.id: h.statement for h in content.hard_limits}
    view: FitView = fit_view(content, session)
    knowledge, misses = _knowledge(content, session)
    readiness, readiness_note = _readiness(content, session)
    if session.leaning == "not_sure":
        leaning = t("summary.leaning.not_sure")
    elif session.leaning and session.leaning in {o.id for o in content.options}:
        leaning = content.option(session.leaning).name
    else:
        leaning = t("summary.empty")
    roles = {r.id: r.text for r in content.readiness.roles}
    grid = option_grid(content, session)
    cited = _cited_sources(content, scored, view.apart, grid)
    apart_by_id = {a.option_id: a for a in set_apart}
    outcomes = tuple(
        replace(view, apart=apart_words(content, session.profile, apart_by_id.get(view.option_id)))
        for view in outcome_views(
            content,
            weighed_options(content, session),
            row_for(content, session.profile),
            inhibitor_group(session.profile.inhibitors),
            session.profile,
        )
    )
    return DiscussionSummary(
        title=t("summary.title"),
        subtitle=t("summary.subtitle"),
        language=content.locale,
        created=today,
        content_version=content.about.content_version,
        app_version=app_version,
        headings={key: t(f"summary.h.{key}") for key in SUMMARY_HEADINGS},
        profile=_profile_lines(content, session.profile),
        priorities=_priorities(content, session),
        top_three=view.top_three,
        not_important=view.not_important,
        not_answered=view.not_answered,
        hard_limits=tuple(limits[i] for i in session.hard_limits if i in limits),
        fit_available=view.available,
        fit_explainer=t("summary.fit_explainer"),
        fit_order=t("summary.fit.order"),
        fit_notes=view.notes,
        grid_priorities=view.priorities,
        fits=view.fits,
        apart=view.apart,
        knowledge=knowledge,
        knowledge_misses=misses,
        readiness=readiness,
        readiness_note=readiness_note,
        leaning=leaning,
        role=roles.get(session.preferred_role or "", t("summary.empty")),
        questions=_questions(content, session),
        notes=UserText(session.notes),
        clinician_notes=UserText(session.clinician_notes),
        sources=tuple(citation_line(content.sources[s]) for s in cited),
        disclaimer=t("summary.disclaimer"),
        empty=t("summary.empty"),
        labels={key: t(f"summary.{key}") for key in LABEL_KEYS}
        | {
            "made": t(
                "summary.made", date=today.isoformat(), content=content.about.content_version, app=app_version
            ),
            "right_answer": t("knowledge.right_answer"),
            "others_view": t("others.view_label"),
            "outcomes_harms": t("outcomes.harms_title"),
            "outcomes_sources": t("outcomes.sources_label"),
        },
        knowledge_lines=knowledge_lines(content, session),
        next_steps=next_steps(content, session),
        leaning_change=leaning_change(content, session),
        others=tuple(LabelledValue(label, value) for label, value in others_lines(content, session)),
        others_view=UserText(session.others_view),
        outcomes_title=t("summary.h.outcomes"),
        outcomes_intro=t("outcomes.intro"),
        outcomes=outcomes,
        banner=banner(content),
        set_aside=set_aside_answers(content, session),
        grid=numbered(grid, cited),
        harm_pictures=harm_pictures(content, outcomes),
        bleed_rates=bleed_rates(content, session.profile, limit_crossers(content, session)),
    )
