"""The options a fit is worked out on: the ones scored for this person, with what he
uses now read as staying on it (model review M2-3).

A rubric marked `start_up` measures what starting a treatment asks (the first
year's starting doses, tests and limits). Staying on the product a person already
uses asks none of that, so on those attributes his current product takes the
rubric's top level ("nothing new"), with a reason that says why. Charging him the
start of a product he started long ago made staying look worse than it is, the
mirror image of the old model's bias toward "stay". The fit, the ends of each rating
question and the audit all read the options from here, so they agree.

For a woman, an option's `for_women` scores replace its others first (model review
M2-12: the birth control a label asks of a woman who could become pregnant is part of
her first year). Staying on what she uses now asks nothing new, except a limit that lasts
while it is used: the birth control stays (review M4-6, `while_used`)."""

from __future__ import annotations

from decisionaid.domain.content import AttributeScore, Content, Option
from decisionaid.domain.eligibility import Apart, current_product, for_person, standing
from decisionaid.domain.session import Profile

START_UP_NOW_KEY = "fit.start_up_now"
"""ui.yaml: the reason on a start-up attribute of the product the person uses now."""


def as_used_now(content: Content, option: Option) -> Option:
    """The option as the person who uses it now would stay on it: every start-up
    attribute at its rubric's top level, its range a point, its reason saying why;
    and, on any attribute whose score states what staying still asks (`while_used`: a
    limit that lasts while it is used, review M4-6; the needles once started, review
    M4-13), that score."""
    update = {}
    for attribute in content.attributes:
        rubric = attribute.rubric
        score = option.attributes.get(attribute.id)
        if score is not None and score.while_used is not None:
            # Any attribute: what staying still asks (a lasting limit, M4-6; the needles
            # once started, M4-13).
            update[attribute.id] = AttributeScore(**score.while_used.model_dump())
            continue
        if rubric is None or not rubric.start_up or score is None:
            continue
        top = rubric.top
        update[attribute.id] = AttributeScore(
            score=top, low=top, high=top, reason=content.text(START_UP_NOW_KEY), source=score.source
        )
    if not update:
        return option
    return option.model_copy(update={"attributes": {**option.attributes, **update}})


def as_for_her(option: Option) -> Option:
    """The option as scored for a woman who could become pregnant: its `for_women` scores
    in place of the others (model review M2-12)."""
    if not option.for_women:
        return option
    return option.model_copy(update={"attributes": {**option.attributes, **option.for_women}})


def as_scored(content: Content, profile: Profile, option: Option) -> Option:
    """One option as the fit reads it for this person: for a woman who could become
    pregnant, her scores; the product he uses now, as staying on it; and first, the scores
    his answers change (`for_person`, review M7-5), as the fit has them. The option grid
    prints these reasons, so it says what the fit weighed (review V8-11)."""
    option = for_person(option, profile)
    if her_scores_count(profile):
        option = as_for_her(option)
    # current_product walks every option: only asked when this one is the one he named.
    if option.id == profile.current_treatment and current_product(content, profile) is not None:
        option = as_used_now(content, option)
    return option


def her_scores_count(profile: Profile) -> bool:
    """Whether the `for_women` scores apply: unless she says she could not become pregnant,
    her scores count the birth control the labels ask of her ("not sure" and no answer
    count it too)."""
    return profile.sex == "female" and profile.pregnancy_possible != "no"


def fit_options(content: Content, profile: Profile) -> tuple[list[Option], list[Apart], Option | None]:
    """The options scored for this person (for a woman, her scores; the product he or she
    uses now read as staying on it), the options shown apart, and the current product as
    scored (None if none)."""
    scored, apart = standing(content, profile)
    if her_scores_count(profile):
        scored = [as_for_her(o) for o in scored]
    current = current_product(content, profile)
    if current is None:
        return scored, apart, None
    now = next((o for o in scored if o.id == current.id), current)
    stay = as_used_now(content, now)
    return [stay if o.id == now.id else o for o in scored], apart, stay
