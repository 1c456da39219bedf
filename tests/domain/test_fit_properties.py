"""Properties of the fit for any person and any answers, on the shipped content (issue 13).

Each property is a checker that lists what breaks it; the last tests run the same
checkers on the old model (tests/domain/old_model.py) to show they catch it.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.domain.content import Content, in_shown_order
from decisionaid.domain.eligibility import current_product, rules_against
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
    return content.model_copy(update={"options": options})


CONTENTS = {"shipped": shipped(), "with rules": with_licence_rules(shipped())}
ATTRIBUTES = [a.id for a in shipped().attributes]
LIMITS = [h.id for h in shipped().hard_limits]
PRODUCTS = [o.id for o in shipped().options if o.kind != "current"]


def _maybe(*values: str):
    return st.sampled_from([None, *values])


profiles = st.builds(
    Profile,
    hemophilia_type=_maybe("A", "B", "not_sure"),
    severity=_maybe("severe", "moderate", "mild", "not_sure"),
    inhibitors=_maybe("now", "past", "never", "not_sure"),
    age_group=_maybe("under_18", "18_to_64", "65_plus"),
    current_treatment=_maybe(*PRODUCTS, "other"),
)
sessions = st.builds(
    Session,
    profile=profiles,
    importance=st.dictionaries(st.sampled_from(ATTRIBUTES), st.integers(0, 4)),
    top_priorities=st.lists(st.sampled_from(ATTRIBUTES), max_size=3, unique=True),
    hard_limits=st.lists(st.sampled_from(LIMITS), unique=True),
)
ENOUGH = st.fixed_dictionaries({a: st.integers(0, 4) for a in ATTRIBUTES})
CHECKS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The checkers


def stay_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """The current option is never scored apart from its product, which carries "uses now"."""
    problems = [
        f"{f.option_id} is scored" for f in result.fits if content.option(f.option_id).kind == "current"
    ]
    now = current_product(content, session.profile)
    uses_now = [f.option_id for f in result.fits if f.uses_now]
    # Unsure of his type, no option is scored, his own included (review R5-12).
    scored_now = now is not None and session.profile.hemophilia_type != "not_sure"
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
            h.id for h in content.hard_limits if h.id in session.hard_limits and crossing.id in h.crossed_by
        }
        if set(option_fit.limits_crossed) != expected:
            problems.append(
                f"{option_fit.option_id} marks {option_fit.limits_crossed}, crosses {sorted(expected)}"
            )
    return problems


def apart_problems(content: Content, session: Session, result: FitResult) -> list[str]:
    """Withdrawn and ruled-out options never get a fit (his own current product is his
    choice to keep, so no licence rule takes it away)."""
    problems = []
    for option_fit in result.fits:
        option = content.option(option_fit.option_id)
        if option.status == "withdrawn":
            problems.append(f"withdrawn {option.id} is scored")
        elif rules_against(option, session.profile) and option.id != session.profile.current_treatment:
            problems.append(f"{option.id}, ruled out for this person, is scored")
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
