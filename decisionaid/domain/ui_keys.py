"""The interface strings the domain needs from ui.yaml, and the {fields} each may use.

The loader checks ui.yaml against this list, so a missing or mistyped string
is an error in `check-content`, not a bare key or a crash in a patient's summary.
"""

from __future__ import annotations

from typing import get_args

from decisionaid.domain.bleed_rates import RATE_KEYS
from decisionaid.domain.content import OptionStatus
from decisionaid.domain.fit_summary import ALIGNMENTS, BANDS, CONTRAST_KINDS, STANDINGS
from decisionaid.domain.option_grid import GRID_KEYS
from decisionaid.domain.outcome_view import ROWS as OUTCOME_ROWS
from decisionaid.domain.outcomes import CERTAINTY_ORDER, BleedOutcome, Comparator, Counted
from decisionaid.domain.session import CERTAINTY_STEPS, IMPORTANCE_STEPS, INVOLVED, Profile

SUMMARY_HEADINGS = (
    "about_you",
    "priorities",
    "limits",
    "fit",
    "knowledge",
    "readiness",
    "next_steps",
    "leaning",
    "role",
    "others",
    "questions",
    "notes",
    "clinician_notes",
    "sources",
)

PROFILE_FIELDS = (
    "hemophilia_type",
    "severity",
    "current_treatment",
    "inhibitors",
    "age_group",
    "sex",
    "pregnancy_possible",
    "region",
    "liver_problems",
    "hiv",
    "hepatitis_b",
    "hepatitis_c",
    "heart_risk",
    "aav_antibodies",
    "plans_for_children",
    "alcohol",
)

ASKED_SINCE_ISSUE_14 = ("sex", "region", "hiv", "hepatitis_b", "hepatitis_c", "heart_risk")
"""Questions added for issue 14: the summary prints each, "Not answered" when skipped, so a
clinician sees they were asked (the older ones print only when answered, as before)."""

ASKED_ONLY_WHEN: dict[str, tuple[str, str]] = {"pregnancy_possible": ("sex", "female")}
"""Questions asked only after one answer to another (field -> (other field, answer)):
"Could you become pregnant?" only of a person who said she is female (review R5-4)."""


def is_asked(field: str, profile: Profile) -> bool:
    """Whether "About you" asks this question of this person, and the summary prints it."""
    other, answer = ASKED_ONLY_WHEN.get(field, (None, None))
    return other is None or getattr(profile, other) == answer


SHARED_ANSWERS = ("not_sure", "prefer_not_to_say")
"""Answers worded once for every question (profile.a.<answer>), not per field."""

LABEL_KEYS = (
    "limits_crossed",
    "set_aside_label",
    "flags",
    "none",
    "page_of",
    "knowledge_misses",
    "option",
    "fit_column",
    "question",
    "your_answer",
    "shortened",
    "unprintable",
    "uses_now",
    "priority_column",
    "grid_title",
    "grid_key",
    "bands_title",
    "apart_title",
    "details_title",
    "top_three",
    "no_top_three",
    "not_important",
    "not_answered",
    "scale_low",
    "scale_high",
    "bands_key",
)
"""Small fixed words the exporters print, from `summary.<key>` in ui.yaml."""

_FIXED: dict[str, frozenset[str]] = {
    "summary.title": frozenset(),
    "summary.subtitle": frozenset(),
    "summary.fit_explainer": frozenset(),
    "summary.fit.nothing_matters": frozenset(),
    "summary.fit.not_answered": frozenset(),
    "summary.fit.not_answered_type_unknown": frozenset(),
    "summary.fit.not_enough": frozenset({"answered", "total", "needed", "more", "at_least"}),
    "summary.fit.too_few_matter": frozenset({"matter", "at_least"}),
    "summary.fit.none_scored": frozenset(),
    "summary.fit.type_unknown": frozenset(),
    "summary.fit.only_one": frozenset({"option"}),
    "summary.fit.all_alike": frozenset(),
    "summary.fit.close_call": frozenset(),
    "summary.fit.few_open": frozenset({"count"}),
    "summary.fit.no_priorities": frozenset(),
    "summary.fit.no_top_three": frozenset(),
    "summary.fit.flat": frozenset({"attributes"}),
    "summary.fit.order": frozenset(),
    "summary.no_licence_here": frozenset({"option", "region"}),
    "summary.interval": frozenset({"band", "low", "high", "fit"}),
    "summary.interval_point": frozenset({"band", "low", "high", "fit"}),
    "summary.cell_spoken": frozenset({"option", "priority", "alignment"}),
    "summary.overlaps": frozenset({"options"}),
    "summary.contrast.more": frozenset({"count"}),
    "summary.contrast.unclear": frozenset({"unclear"}),
    "summary.knowledge.label": frozenset(),
    "summary.knowledge.value": frozenset({"right", "total", "answered"}),
    "summary.readiness.yes": frozenset(),
    "summary.readiness.no": frozenset(),
    "summary.readiness.conflict": frozenset(),
    "summary.leaning.not_sure": frozenset(),
    "summary.empty": frozenset(),
    "summary.disclaimer": frozenset(),
    "summary.made": frozenset({"date", "content", "app"}),
    "summary.set_aside": frozenset({"count"}),
    "question.limit": frozenset({"statement"}),
    "question.priority": frozenset({"attribute"}),
    "profile.a.not_sure": frozenset(),
    "profile.a.prefer_not_to_say": frozenset(),
    "about_you.more_intro": frozenset(),
    "summary.type_not_known": frozenset(),
    "flag_reason.type_not_sure": frozenset(),
    "flag_reason.type_not_answered": frozenset(),
    "flag_reason.severity.mild": frozenset(),
    "flag_reason.severity.moderate": frozenset(),
    "flag_reason.sex.female": frozenset(),
    "flag_reason.pregnancy_possible.yes": frozenset(),
    "flag_reason.pregnancy_possible.not_sure": frozenset(),
    "flag_reason.hiv": frozenset(),
    "flag_reason.hepatitis_b.now": frozenset(),
    "flag_reason.hepatitis_b.past": frozenset(),
    "flag_reason.hepatitis_c.now": frozenset(),
    "flag_reason.hepatitis_c.past_cured": frozenset(),
    "flag_reason.heart_risk": frozenset(),
    "flag_reason.age_65_plus": frozenset(),
    "flag_reason.region": frozenset({"region"}),
    "flag_reason.region.other": frozenset(),
    "region.unknown": frozenset({"region", "option"}),
    "profile.a.current_treatment.other": frozenset(),
    "flag_reason.under_18": frozenset(),
    "flag_reason.under_12": frozenset(),
    "flag_reason.inhibitors.now": frozenset(),
    "flag_reason.inhibitors.past": frozenset(),
    "flag_reason.not_sure.inhibitors": frozenset(),
    "flag_reason.liver_disease": frozenset(),
    "flag_reason.not_sure.liver": frozenset(),
    "flag_reason.aav_antibodies": frozenset(),
    "flag_reason.aav_untested": frozenset(),
    "flag_reason.children.yes": frozenset(),
    "flag_reason.children.not_sure": frozenset(),
    "flag_reason.alcohol.sometimes": frozenset(),
    "flag_reason.alcohol.most_days": frozenset(),
    "flag_reason.withdrawn": frozenset(),
    "figure.gauge.title": frozenset(),
    "figure.gauge.caption": frozenset(),
    "figure.durability.title": frozenset(),
    "figure.durability.peak_share": frozenset({"study", "months", "factor_viii", "factor_ix"}),
    "figure.doses.title": frozenset(),
    "figure.doses.caption": frozenset(),
    "figure.bands.goals": frozenset(),
    "figure.bands.severity": frozenset(),
    "figure.band": frozenset({"label", "words"}),
    "figure.row.range": frozenset({"label", "low", "high", "note"}),
    "figure.row.value": frozenset({"label", "value", "note"}),
    "figure.row.rise": frozenset({"label", "value", "note"}),
    "figure.row.status": frozenset({"name", "status"}),
    "figure.row.kind": frozenset({"label", "kind"}),
    "figure.kind.aim": frozenset(),
    "figure.kind.measured": frozenset(),
    "figure.kind.estimate": frozenset(),
    "figure.kinds": frozenset({"kinds"}),
    "figure.scale.log": frozenset(),
    "figure.scale.linear": frozenset(),
    "figure.left_out.count": frozenset({"label", "count", "people", "who", "words"}),
    "figure.left_out.not_reported": frozenset({"label", "people", "who"}),
    "figure.row.label": frozenset({"when", "series"}),
    "figure.row.label_tag": frozenset({"when", "series", "tag"}),
    "figure.row.point": frozenset({"series", "when", "statistic", "value", "men", "study"}),
    "figure.row.spread": frozenset({"low", "high"}),
    "figure.doses.once": frozenset({"label", "note"}),
    "figure.doses.value": frozenset({"label", "value", "note"}),
    "figure.doses.range": frozenset({"label", "low", "high", "note"}),
    "figure.icons.words": frozenset({"title", "groups", "denominator", "time_frame"}),
    "figure.icons.group": frozenset({"count", "label"}),
    "figure.icons.caption": frozenset({"denominator", "time_frame", "note"}),
}

SAVING_KEYS: dict[str, frozenset[str]] = {
    "saving.failed": frozenset({"detail"}),
    "saving.merged": frozenset(),
    "saving.kept_theirs": frozenset({"answers"}),
    "saving.kept_both": frozenset({"answers"}),
    "summary_page.delete_failed": frozenset({"detail", "folder"}),
    "summary_page.pdf_unprintable": frozenset({"characters"}),
    "summary_page.pdf_shortened": frozenset(),
    "summary_page.no_pdf": frozenset(),
}
"""What the app says when answers cannot be saved or deleted, or were merged from another window."""


VALUES_AND_FIT_KEYS: dict[str, frozenset[str]] = {
    "fit.apart.current_unknown": frozenset(),
    "fit.apart.current_not_answered": frozenset(),
    "fit.apart.type_unknown": frozenset({"type"}),
    "fit.apart.type_unknown_both": frozenset(),
    "fit.apart.type_unknown_yours": frozenset(),
    "fit.apart.type_of_yours": frozenset({"option", "type"}),
    "fit.intro": frozenset(),
    "fit.bar_label": frozenset({"option", "interval"}),
    "fit.uses_now": frozenset(),
    "fit.start_up_now": frozenset(),
    "fit.grid_intro": frozenset(),
    "fit.grid_scroll": frozenset(),
    "fit.cells_title": frozenset(),
    "fit.contrasts_title": frozenset(),
    "fit.apart_intro": frozenset(),
    "fit.adjust_title": frozenset(),
    "fit.adjust_intro": frozenset(),
    "values.answered": frozenset({"answered", "total"}),
    "values.not_answered": frozenset(),
    "values.top_title": frozenset(),
    "values.top_intro": frozenset(),
    "values.top_chosen": frozenset({"names"}),
    "values.top_none": frozenset(),
    "values.top_full": frozenset(),
    "values.top_remove": frozenset({"name"}),
    "values.top_clear": frozenset(),
    "values.top_priorities": frozenset(),
    "values.local_ends": frozenset({"worst", "best"}),
    "values.local_flat": frozenset(),
    "values.local_worst_unsure": frozenset({"end"}),
    "values.local_best_unsure": frozenset({"end"}),
}
"""What the values step and the fit screen say (the trade-off step, the grid, the bands)."""


# deciding with others (issue 14): who else is involved, pressure, leaning and how
# sure at the start and the end, the next steps from each readiness "no", and the
# knowledge check's verdicts.
DECIDING_KEYS: dict[str, frozenset[str]] = {
    "others.who": frozenset(),
    **{f"others.who.{p}": frozenset() for p in INVOLVED},
    "others.prefer": frozenset({"who"}),
    **{f"others.whom.{p}": frozenset() for p in INVOLVED[:-1]},
    "others.prefer.not_sure": frozenset(),
    "others.prefer.not_said": frozenset(),
    "others.pressure": frozenset(),
    **{f"others.pressure.{a}": frozenset() for a in ("yes", "no", "not_sure")},
    "summary.leaning.change": frozenset({"start", "now"}),
    "summary.leaning.not_answered": frozenset(),
    **{f"summary.certainty.{c}": frozenset() for c in CERTAINTY_STEPS},
    **{f"certainty.{c}": frozenset() for c in CERTAINTY_STEPS},
    "next.said_no": frozenset({"item"}),
    "next.said_pressure": frozenset(),
    "next.ask": frozenset(),
    "next.read": frozenset(),
    "next.go_to": frozenset(),
    "next.talk_with": frozenset(),
    **{f"next.person.{p}": frozenset() for p in (*INVOLVED[:-1], "patient_group")},
    "next.pressure": frozenset(),
    "knowledge.right": frozenset(),
    "knowledge.wrong": frozenset(),
    "knowledge.not_answered": frozenset(),
    "knowledge.changed": frozenset(),
    "knowledge.right_answer": frozenset(),
    "others.view_label": frozenset(),
}
"""What the summary and the Getting ready step say about deciding with others."""


OUTCOME_KEYS: dict[str, frozenset[str]] = {
    "summary.h.outcomes": frozenset(),
    "outcomes.title": frozenset(),
    "outcomes.intro": frozenset(),
    "outcomes.compare_title": frozenset(),
    "outcomes.compare_intro": frozenset(),
    "outcomes.current": frozenset(),
    "outcomes.current_unknown": frozenset(),
    "outcomes.harms_title": frozenset(),
    "outcomes.sources_label": frozenset(),
    "outcomes.not_reported": frozenset(),
    "outcomes.rate": frozenset({"value", "statistic"}),
    "outcomes.before_after": frozenset({"before", "after"}),
    "outcomes.groups": frozenset({"before", "after"}),
    "outcomes.on_it": frozenset({"after"}),
    "outcomes.lead_in": frozenset({"option", "after"}),
    "outcomes.change.fewer": frozenset({"percent"}),
    "outcomes.change.more": frozenset({"percent"}),
    "outcomes.change.ours": frozenset(),
    "outcomes.change.relative_only": frozenset(),
    "outcomes.change.none": frozenset(),
    "outcomes.change.not_fair": frozenset(),
    "outcomes.study_words": frozenset({"study", "who", "time_window"}),
    "outcomes.certainty_words": frozenset({"level", "why"}),
    "outcomes.count": frozenset({"count", "people", "natural", "rest"}),
    "outcomes.count_none": frozenset({"people"}),
    "outcomes.per_thousand": frozenset({"value"}),
    "outcomes.per_hundred": frozenset({"value"}),
    "outcomes.harm_words": frozenset({"how_often", "who", "time_frame"}),
    "outcomes.harm_certainty": frozenset({"certainty"}),
}
"""What the outcome table says on the option cards, on Compare and in the summary."""


BANNER_KEYS: dict[str, frozenset[str]] = {
    "banner.dates": frozenset({"content_date", "searched"}),
    "banner.written_by": frozenset({"who"}),
    "banner.not_reviewed": frozenset(),
    "banner.reviewed": frozenset({"who", "credentials", "interests", "date"}),
    "banner.funding": frozenset({"funding"}),
    "banner.interests": frozenset({"conflicts"}),
    "banner.updates": frozenset({"policy"}),
}
"""The first-page banner of the printed summary (issue 15), from about.md's front matter."""


GLOSSARY_KEYS: dict[str, frozenset[str]] = {
    "step.glossary.title": frozenset(),
    "nav.glossary": frozenset(),
    "nav.glossary_short": frozenset(),
    "glossary.intro": frozenset(),
    "glossary.also": frozenset({"names"}),
    "glossary.sources": frozenset({"sources"}),
    "glossary.pointer": frozenset(),
    "glossary.open": frozenset(),
}
"""What the Words explained page, its header button and the pointers to it say."""


def _outcome_keys() -> dict[str, frozenset[str]]:
    keys = dict(OUTCOME_KEYS)
    keys |= {f"outcomes.row.{row}": frozenset() for row in OUTCOME_ROWS}
    keys |= {f"outcomes.comparator.{c}": frozenset() for c in get_args(Comparator)}
    keys |= {f"outcomes.counted.{c}": frozenset() for c in get_args(Counted)}
    keys |= {f"outcomes.level.{level}": frozenset() for level in CERTAINTY_ORDER}
    statistics = get_args(BleedOutcome.model_fields["statistic"].annotation)
    keys |= {f"outcomes.stat.{s}": frozenset() for s in statistics}
    return keys


def profile_answers(field: str) -> list[str]:
    """The answers a profile question offers, in the order of the model."""
    annotation = Profile.model_fields[field].annotation
    return [v for arg in get_args(annotation) for v in get_args(arg)]


def required_ui_keys() -> dict[str, frozenset[str]]:
    """Every key the domain reads, mapped to the {fields} its text may contain."""
    keys = dict(_FIXED) | SAVING_KEYS | VALUES_AND_FIT_KEYS | DECIDING_KEYS | BANNER_KEYS | GLOSSARY_KEYS
    keys |= GRID_KEYS | RATE_KEYS
    keys |= _outcome_keys()
    keys |= {f"summary.h.{h}": frozenset() for h in SUMMARY_HEADINGS}
    keys |= {f"summary.{k}": frozenset() for k in LABEL_KEYS}
    keys["summary.page_of"] = frozenset({"page", "pages"})
    keys |= {f"summary.align.{a}": frozenset() for a in ALIGNMENTS}
    keys |= {f"summary.band.{b}": frozenset() for b in BANDS}
    keys |= {f"summary.apart.{s}": frozenset() for s in STANDINGS}
    fields = frozenset({"option", "other", "better", "worse"})
    keys |= {f"summary.contrast.{k}": fields for k in CONTRAST_KINDS}
    keys |= {f"importance.{n}": frozenset() for n in IMPORTANCE_STEPS}
    keys |= {f"summary.status.{s}": frozenset() for s in get_args(OptionStatus) if s != "available"}
    keys |= {f"figure.status.{s}": frozenset() for s in get_args(OptionStatus) if s != "available"}
    for field in PROFILE_FIELDS:
        keys[f"profile.q.{field}"] = frozenset()
        if field != "current_treatment":
            keys |= {
                f"profile.a.{field}.{v}": frozenset()
                for v in profile_answers(field)
                if v not in SHARED_ANSWERS
            }
    return keys
