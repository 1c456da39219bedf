"""Properties of the fit for any person and any answers, on the shipped content (issue 13).

Each property is a checker that lists what breaks it; the last tests run the same
checkers on the old model (tests/domain/old_model.py) to show they catch it. The profiles
drawn give every answer to every question of `Profile` (review M4-11), and a test fails
when one is added and not drawn. The apart check reads the licence rules itself, not
through the engine; tests/domain/test_set_apart_by_hand.py checks named people against
a table written by hand.
"""

from __future__ import annotations

from typing import Literal, get_args, get_origin

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.domain.content import Content, HardLimit, LimitCrossing, Option, in_shown_order
from decisionaid.domain.eligibility import current_product
from decisionaid.domain.fit import FitResult, fit
from decisionaid.domain.session import Profile, Session
from tests.domain.fit_factories import not_for, shipped
from tests.domain.old_model import old_fit


def with_licence_rules(content: Content) -> Content:
    """The content with licence rules on every kind, so that ruling out is exercised even
    before the shipped content has rules of its own (the shipped ones are kept)."""
    extra = {
        "gene-therapy": [not_for(age_group=["under_18"]), not_for(inhibitors=["now", "past"])],
        "factor": [not_for(inhibitors=["now"])],
        "non-factor": [not_for(severity=["mild"], age_group=["under_18"])],
    }
    options = [
        o.model_copy(update={"not_for": [*o.not_for, *extra.get(o.kind, [])]}) for o in content.options
    ]
    # And limits crossed only for some people (review M5-2), on every limit, so that the
    # limit property is not a check of one fixed list per limit.
    some = [
        LimitCrossing(
            when={"severity": ["moderate", "mild"]}, options=[o.id for o in content.options], sources=["S1"]
        ),
        LimitCrossing(when={"sex": ["female"], "region": ["us"]}, options=["emicizumab"], sources=["S1"]),
    ]
    limits = [
        h.model_copy(update={"crossed_by_when": [*h.crossed_by_when, *some]}) for h in content.hard_limits
    ]
    return content.model_copy(update={"options": options, "hard_limits": limits})


CONTENTS = {"shipped": shipped(), "with rules": with_licence_rules(shipped())}
ATTRIBUTES = [a.id for a in shipped().attributes]
LIMITS = [h.id for h in shipped().hard_limits]
CARDS = [o.id for o in shipped().options]
"""Every card id: the products "About you" offers as what he uses now, and "current",
which only a hand-edited file could hold."""

ANSWERS: dict[str, tuple[str, ...]] = {
    "hemophilia_type": ("A", "B", "not_sure"),
    "severity": ("severe", "moderate", "mild", "not_sure"),
    "inhibitors": ("now", "past", "never", "not_sure"),
    "age_group": ("under_12", "under_18", "18_to_64", "65_plus"),
    "current_treatment": (*CARDS, "other"),
    "liver_problems": ("yes", "no", "not_sure", "prefer_not_to_say"),
    "aav_antibodies": ("positive", "negative", "not_tested", "not_sure"),
    "plans_for_children": ("yes", "no", "not_sure", "prefer_not_to_say"),
    "alcohol": ("none", "sometimes", "most_days", "not_sure", "prefer_not_to_say"),
    "sex": ("female", "male", "other", "not_sure", "prefer_not_to_say"),
    "region": ("us", "eu", "uk", "canada", "other", "not_sure", "prefer_not_to_say"),
    "hiv": ("yes", "no", "not_sure", "prefer_not_to_say"),
    "hepatitis_b": ("never", "past", "now", "not_sure", "prefer_not_to_say"),
    "hepatitis_c": ("never", "past_cured", "now", "not_sure", "prefer_not_to_say"),
    "heart_risk": ("yes", "no", "not_sure", "prefer_not_to_say"),
    "pregnancy_possible": ("yes", "no", "not_sure", "prefer_not_to_say"),
}
"""Every answer each profile question allows, written out (model review M4-11: the
profiles drawn once left out region, sex, pregnancy and "under 12", so a licence rule
on those answers was never exercised). None, "not answered", is drawn for each too.
`test_the_profiles_drawn_give_every_answer_the_profile_allows` fails when a question or
an answer is added to `Profile` and not here."""

profiles = st.builds(Profile, **{name: st.sampled_from([None, *values]) for name, values in ANSWERS.items()})
sessions = st.builds(
    Session,
    profile=profiles,
    importance=st.dictionaries(st.sampled_from(ATTRIBUTES), st.integers(0, 4)),
    top_priorities=st.lists(st.sampled_from(ATTRIBUTES), max_size=3, unique=True),
    hard_limits=st.lists(st.sampled_from(LIMITS), unique=True),
)
ENOUGH = st.fixed_dictionaries({a: st.integers(0, 4) for a in ATTRIBUTES})
CHECKS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def allowed_answers(annotation: object) -> set[object]:
    """The values a profile field's type allows: a Literal's values, None if optional,
    and `str` itself for free text (what he uses now)."""
    found: set[object] = set()
    for part in get_args(annotation) or (annotation,):
        if get_origin(part) is Literal:
            found |= set(get_args(part))
        else:
            found.add(None if part is type(None) else part)
    return found


def drawn_problems(answers: dict[str, tuple[str, ...]], model: type[Profile] = Profile) -> list[str]:
    """What the profiles drawn from `answers` leave out of what `model` allows."""
    problems = []
    if list(answers) != list(model.model_fields):
        problems.append(f"questions drawn {list(answers)}, the profile asks {list(model.model_fields)}")
    for name, field in model.model_fields.items():
        allowed = allowed_answers(field.annotation)
        if None not in allowed or field.default is not None:
            problems.append(f"{name}: 'not answered' is no longer possible")
        # Free text (what he uses now): every card's id and "other", as "About you" offers.
        expected = {*CARDS, "other"} if str in allowed else allowed - {None}
        if set(answers.get(name, ())) != expected:
            problems.append(f"{name}: drawn {answers.get(name)}, allowed {sorted(expected)}")
    return problems


def test_the_profiles_drawn_give_every_answer_the_profile_allows():
    assert not drawn_problems(ANSWERS)


def test_the_drawn_check_finds_an_answer_or_a_question_left_out():
    # The gap of review M4-11: "under 12", region, sex and pregnancy were never drawn.
    old = {k: v for k, v in ANSWERS.items() if k not in ("region", "sex", "pregnancy_possible")}
    old["age_group"] = ("under_18", "18_to_64", "65_plus")
    found = drawn_problems(old)
    assert any(p.startswith("questions drawn") for p in found)
    assert any(p.startswith("age_group:") for p in found)

    class Asked(Profile):
        blood_group: Literal["A", "O"] | None = None

    assert drawn_problems(ANSWERS, Asked), "a question added to the profile and not drawn passes"


# The checkers


def stay_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """The current option is never scored apart from its product, which carries "uses now"."""
    problems = [
        f"{f.option_id} is scored" for f in result.fits if content.option(f.option_id).kind == "current"
    ]
    now = current_product(content, session.profile)
    uses_now = [f.option_id for f in result.fits if f.uses_now]
    # His type not known (not sure, or not said), no option is scored, his own included
    # (review R5-12).
    scored_now = now is not None and session.profile.hemophilia_type in ("A", "B")
    if uses_now != ([now.id] if scored_now else []):
        problems.append(f"'uses now' is on {uses_now}, the person uses {session.profile.current_treatment}")
    return problems


def limit_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """A chosen hard limit marks every option that crosses it (the current one too)."""
    problems = []
    for option_fit in result.fits:
        crossing = content.option(option_fit.option_id)
        if crossing.kind == "current" and option_fit.uses_now:
            now = current_product(content, session.profile)
            crossing = now if now is not None else crossing
        expected = {
            h.id
            for h in content.hard_limits
            if h.id in session.hard_limits and crosses_for(h, crossing.id, session.profile)
        }
        if set(option_fit.limits_crossed) != expected:
            problems.append(
                f"{option_fit.option_id} marks {option_fit.limits_crossed}, crosses {sorted(expected)}"
            )
    return problems


def crosses_for(limit: HardLimit, option_id: str, profile: Profile) -> bool:
    """Whether the option crosses the limit for this person, written apart from the engine's
    `crosses` (review M5-2): it crosses it for everyone, or for the people one of the
    limit's `crossed_by_when` names (every question it names has one of the listed answers;
    the loader refuses "not sure" there)."""
    return option_id in limit.crossed_by or any(
        option_id in c.options and all(getattr(profile, q) in answers for q, answers in c.when.items())
        for c in limit.crossed_by_when
    )


def ruled_out(option: Option, profile: Profile) -> bool:
    """Whether one of the option's licence rules names this person, written apart from the
    engine's `rules_against` (review M4-11): every question the rule names has one of the
    listed answers. "Not answered" is never listed, and the loader refuses a rule that lists
    "not sure" or "prefer not to say"."""
    return any(all(getattr(profile, q) in answers for q, answers in r.when.items()) for r in option.not_for)


def expected_apart(content: Content, profile: Profile) -> dict[str, bool]:
    """Option id -> whether it is set apart, for every option shown to this person, from
    eligibility.py's stated rules: his type's options (both types when he did not say or is
    not sure); withdrawn, ruled out (his own product excepted) or not licensed where he
    lives is apart, and every option is when his type is not known (not sure or not said). "Stay" is left
    out when his own product's card stands for it, and is apart when none can."""
    kind = profile.hemophilia_type

    def for_him(option: Option) -> bool:
        return kind not in ("A", "B") or option.applies_to in (kind, "both")

    own = next(
        (
            o
            for o in content.options
            if o.id == profile.current_treatment and o.kind != "current" and o.status != "withdrawn"
        ),
        None,
    )
    own = own if own is not None and for_him(own) else None
    found = {}
    for option in content.options:
        if not for_him(option) or (option.only_when_used_now and option.id != profile.current_treatment):
            continue
        if option.kind == "current":
            if own is None:
                found[option.id] = True
            continue
        his = own is not None and option.id == own.id
        unlicensed = any(
            lic.region == profile.region and lic.status == "not_licensed" for lic in option.licences
        )
        found[option.id] = (
            option.status == "withdrawn"
            or kind not in ("A", "B")
            or (not his and (ruled_out(option, profile) or unlicensed))
        )
    return found


def apart_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """Withdrawn and ruled-out options never get a fit (his own current product is his
    choice to keep, so no licence rule takes it away), and every other option shown does:
    each option shown is scored or set apart, once, as `expected_apart` says."""
    expected = expected_apart(content, session.profile)
    scored = [f.option_id for f in result.fits]
    apart = [a.option_id for a in result.apart]
    problems = [f"{o} is both scored and apart" for o in set(scored) & set(apart)]
    for option_id, is_apart in expected.items():
        option = content.option(option_id)
        if is_apart and option_id in scored:
            why = "withdrawn" if option.status == "withdrawn" else "ruled out for this person"
            problems.append(f"{option_id}, {why}, is scored")
        elif not is_apart and option_id not in scored:
            problems.append(f"{option_id} is open to this person and not scored")
    if extra := set(scored + apart) - set(expected):
        problems.append(f"{sorted(extra)} are shown, but are not for this person's type")
    return problems


def order_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """The fits keep the Options page's order (what he uses now, then A to Z), whatever the
    importance."""
    order = [o.id for o in in_shown_order(content.options, session.profile.current_treatment)]
    shown = [f.option_id for f in result.fits]
    return [] if shown == sorted(shown, key=order.index) else [f"shown in the order {shown}"]


def _problems(checker, engine, session: Session) -> list[str]:
    found = []
    for content in CONTENTS.values():
        found += checker(content, session, engine(content, session))
    return found


# On the engine


@CHECKS
@given(sessions)
def test_stay_with_current_is_never_scored_apart_from_its_product(session):
    assert not _problems(stay_problems, fit, session)


@CHECKS
@given(sessions)
def test_a_chosen_hard_limit_marks_every_option_that_crosses_it(session):
    assert not _problems(limit_problems, fit, session)


@CHECKS
@given(sessions)
def test_withdrawn_and_ruled_out_options_never_get_a_fit(session):
    assert not _problems(apart_problems, fit, session)


@CHECKS
@given(sessions, ENOUGH, ENOUGH)
def test_the_order_shown_never_depends_on_the_importance_given(session, one, other):
    first = fit(shipped(), session.model_copy(update={"importance": one}))
    second = fit(shipped(), session.model_copy(update={"importance": other}))
    assert [f.option_id for f in first.fits] == [f.option_id for f in second.fits]
    assert not order_problems(shipped(), session, first)


# On the old model: each checker finds what the reviews found


ON_FACTOR_IX = Session(
    profile=Profile(hemophilia_type="B", current_treatment="factor9-standard", age_group="under_18"),
    importance={a: (4 if i % 2 else 1) for i, a in enumerate(ATTRIBUTES)},
    hard_limits=["vein_infusions"],
)


def test_the_stay_check_catches_the_old_model():
    assert _problems(stay_problems, old_fit, ON_FACTOR_IX)


def test_the_limit_check_catches_the_old_model():
    assert _problems(limit_problems, old_fit, ON_FACTOR_IX)


def test_the_apart_check_catches_the_old_model():
    assert _problems(apart_problems, old_fit, ON_FACTOR_IX)


def test_the_order_check_catches_the_old_model():
    assert _problems(order_problems, old_fit, ON_FACTOR_IX)


def fixed_list_fit(content: Content, session: Session) -> FitResult:
    """The engine as it was before review M5-2: each limit crossed by one list for everyone."""
    limits = [h.model_copy(update={"crossed_by_when": []}) for h in content.hard_limits]
    return fit(content.model_copy(update={"hard_limits": limits}), session)


def test_the_limit_check_catches_an_engine_that_reads_one_fixed_list_per_limit():
    woman = Session(
        profile=Profile(
            hemophilia_type="A", sex="female", pregnancy_possible="yes", current_treatment="emicizumab"
        ),
        importance={a: 3 for a in ATTRIBUTES},
        hard_limits=["wait_for_children"],
    )
    assert _problems(limit_problems, fixed_list_fit, woman)
    assert not _problems(limit_problems, fit, woman)
