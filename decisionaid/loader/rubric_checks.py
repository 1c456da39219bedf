"""Checks that every score follows a written rule, and that licence rules name real answers.

Issue 13 (scores from a written rule): each attribute carries a rubric that maps
evidence to a score, the same for every option. So every attribute needs a rubric;
every option a person can be scored on (every kind but "current") gives, for each
score, its low and high ends, and the score and both ends are level scores of that
attribute's rubric. A score between two levels would be a judgement the rubric does
not state, and a range left out would hide how sure the evidence is.

`not_for` rules are checked against the answers the profile step can record: a rule
on an answer nobody can give never applies, and "not sure" must never rule an option
out (the person is told to ask instead).
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING

from decisionaid.domain.content import Attribute, AttributeScore, LastingScore, ScoreVariant
from decisionaid.domain.session import UNKNOWN_ANSWERS, Profile
from decisionaid.loader.problems import Problem

if TYPE_CHECKING:
    from decisionaid.loader.load import ContentFiles, LoadedFile

UNSCORED_KINDS = frozenset({"current"})
"""Option kinds that are never scored: "stay with my current treatment" has no scores;
the card of the product the person uses is scored and marked "what you use now"
(issue 13, one option per real choice)."""

NEVER_RULES_OUT = UNKNOWN_ANSWERS
"""Answers that never rule an option out: the person is told to ask instead."""

_TOLERANCE = 1e-9


def profile_answers(field: str) -> frozenset[str]:
    """The answers the profile step can record for one field (from the session model)."""
    annotation = Profile.model_fields[field].annotation
    return frozenset(
        a for arg in typing.get_args(annotation) for a in typing.get_args(arg) if isinstance(a, str)
    )


def rubric_problems(files: ContentFiles) -> list[Problem]:
    """Every missing rubric, missing range, off-rubric score and impossible licence rule."""
    problems: list[Problem] = []
    source_ids = {source.id for source, _, _ in files.sources}
    if files.attributes:
        table, w = files.attributes
        problems += _rubrics(table.attributes, w, source_ids)
        attributes = {a.id: a for a in table.attributes}
    else:
        attributes = {}
    for option, w in files.options:
        if option.kind not in UNSCORED_KINDS:
            for attr_id, score in option.attributes.items():
                attribute = attributes.get(attr_id)
                if attribute is not None and attribute.rubric is not None:
                    problems += _score(attribute, score, w, attr_id)
                    # A score worded for some people follows the same rubric (review R5-14).
                    for j, variant in enumerate(score.variants):
                        problems += _score(attribute, variant, w, attr_id, ("variants", j))
                    if score.while_used is not None:
                        problems += _lasting(attribute, score.while_used, w, attr_id)
                for j, variant in enumerate(score.variants):
                    for field, answers in variant.when.items():
                        problems += _answers(field, answers, w, j, ("attributes", attr_id, "variants"))
                    if variant.source not in source_ids:
                        problems.append(
                            Problem(
                                w.path,
                                w.line_of("attributes", attr_id),
                                f"attributes.{attr_id}.variants[{j}].source",
                                f"unknown source '{variant.source}'",
                            )
                        )
        for i, rule in enumerate(option.not_for):
            for field, answers in rule.when.items():
                problems += _answers(field, answers, w, i)
            for j, source in enumerate(rule.sources):
                if source not in source_ids:
                    problems.append(
                        Problem(
                            w.path,
                            w.line_of("not_for", i, "sources", j),
                            f"not_for[{i}].sources",
                            f"unknown source '{source}'",
                        )
                    )
    return problems


def _rubrics(attributes: list[Attribute], w: LoadedFile, source_ids: set[str]) -> list[Problem]:
    problems = []
    for i, attribute in enumerate(attributes):
        if attribute.rubric is None:
            problems.append(
                Problem(
                    w.path,
                    w.line_of("attributes", i),
                    f"attributes[{i}].rubric",
                    f"'{attribute.id}' has no rubric: write the rule that turns evidence into its score",
                )
            )
            continue
        scores = [level.score for level in attribute.rubric.levels]
        if len(set(scores)) != len(scores):
            problems.append(
                Problem(
                    w.path,
                    w.line_of("attributes", i, "rubric", "levels"),
                    f"attributes[{i}].rubric.levels",
                    "two levels have the same score; each level needs its own score",
                )
            )
        if not attribute.rubric.range_rule:
            problems.append(
                Problem(
                    w.path,
                    w.line_of("attributes", i, "rubric"),
                    f"attributes[{i}].rubric.range_rule",
                    "no range_rule: say how the low and high ends follow from the evidence",
                )
            )
        for j, source in enumerate(attribute.rubric.sources):
            if source not in source_ids:
                problems.append(
                    Problem(
                        w.path,
                        w.line_of("attributes", i, "rubric", "sources", j),
                        f"attributes[{i}].rubric.sources",
                        f"unknown source '{source}'",
                    )
                )
    return problems


def _score(
    attribute: Attribute,
    score: AttributeScore | ScoreVariant | LastingScore,
    w: LoadedFile,
    attr_id: str,
    at: tuple[str | int, ...] = (),
) -> list[Problem]:
    """The problems of one score (or of one variant of it, `at` its place) under its rubric."""
    assert attribute.rubric is not None
    field = f"attributes.{attr_id}" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at)
    levels = [level.score for level in attribute.rubric.levels]
    shown = ", ".join(f"{s:g}" for s in sorted(levels))
    problems = []
    if score.low is None or score.high is None:
        missing = " and ".join(name for name in ("low", "high") if getattr(score, name) is None)
        problems.append(
            Problem(
                w.path,
                w.line_of("attributes", attr_id, *at),
                field,
                f"no {missing}: give the range the evidence allows (equal to the score when it is firm)",
            )
        )
    for name in ("score", "low", "high"):
        value = getattr(score, name)
        if value is not None and not any(abs(value - level) <= _TOLERANCE for level in levels):
            problems.append(
                Problem(
                    w.path,
                    w.line_of("attributes", attr_id, *at, name),
                    f"{field}.{name}",
                    f"{value:g} is not a level of the '{attr_id}' rubric ({shown})",
                )
            )
    return problems


def _lasting(attribute: Attribute, kept: LastingScore, w: LoadedFile, attr_id: str) -> list[Problem]:
    """What staying on an option asks (reviews M4-6, M4-13) is a score like any other:
    on the rubric's levels, with its range."""
    return _score(attribute, kept, w, attr_id, ("while_used",))


def _answers(
    field: str, answers: list[str], w: LoadedFile, i: int, where: tuple[str, ...] = ("not_for",)
) -> list[Problem]:
    possible = profile_answers(field) - NEVER_RULES_OUT
    problems = []
    for answer in answers:
        if answer in NEVER_RULES_OUT:
            message = f"'{answer}' never rules an option out: the person is told to ask instead"
        elif answer not in possible:
            message = f"'{answer}' is not an answer to {field} (answers: {', '.join(sorted(possible))})"
        else:
            continue
        name = ".".join(where)
        problems.append(
            Problem(w.path, w.line_of(*where, i, "when", field), f"{name}[{i}].when.{field}", message)
        )
    return problems
