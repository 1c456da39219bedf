"""Next steps: each readiness "no" leads to its own step, built from what the session knows."""

from __future__ import annotations

import pytest

from decisionaid.domain.next_steps import RULES, next_steps
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import suggested_questions


def said_no(content, item_id: str, **more) -> Session:
    """A session that answered every readiness question "yes" but this one (type A unless
    told: with no type the values step has its own words, see test_eighth_review_minor.py)."""
    answers = {i.id: i.id != item_id for i in content.readiness.readiness}
    more.setdefault("profile", Profile(hemophilia_type="A"))
    return Session(readiness=answers, **more)


def only_step(content, session: Session):
    steps = next_steps(content, session)
    assert len(steps) == 1, steps
    return steps[0]


def test_every_readiness_question_says_what_a_no_leads_to_and_each_kind_has_a_rule(content):
    kinds = [i.leads_to for i in content.readiness.readiness]
    assert None not in kinds
    assert set(kinds) == set(RULES), "each kind of next step is used once, and each has a rule"


def test_all_yes_or_nothing_answered_gives_no_steps(content):
    assert next_steps(content, Session()) == ()
    all_yes = Session(readiness={i.id: True for i in content.readiness.readiness})
    assert next_steps(content, all_yes) == ()


@pytest.mark.parametrize("kind", ["take_time", "facts", "values", "support"])
def test_each_no_leads_to_its_own_step_in_the_contents_words(content, kind):
    item = next(i for i in content.readiness.readiness if i.leads_to == kind)
    step = only_step(content, said_no(content, item.id))
    assert step.kind == kind
    assert step.text == item.if_no
    assert item.text in step.about


def test_needing_more_facts_leads_to_the_questions_to_ask_and_the_readings_not_opened(content):
    item = next(i for i in content.readiness.readiness if i.leads_to == "facts")
    profile = Profile(hemophilia_type="B", alcohol="most_days")
    opened = next(m for m in content.modules if m.applies_to in ("B", "both"))
    marked = [m for m in content.modules if m.applies_to in ("B", "both")][1]
    session = said_no(content, item.id, profile=profile, modules_opened=[opened.id], modules_read=[marked.id])
    step = only_step(content, session)
    asked = [i.text for i in step.items if i.label == content.text("next.ask")]
    read = [i.text for i in step.items if i.label == content.text("next.read")]
    questions = [q.text for q in suggested_questions(content, session)]
    assert questions and asked == questions
    expected = [m.title for m in content.modules if m.applies_to in ("B", "both")]
    assert read == [t for t in expected if t not in (opened.title, marked.title)]
    assert not any(m.title in read for m in content.modules if m.applies_to == "A")
    assert all(i.page == "learn" for i in step.items if i.label == content.text("next.read"))


def test_questions_the_person_unticked_are_not_in_his_next_steps(content):
    item = next(i for i in content.readiness.readiness if i.leads_to == "facts")
    session = said_no(content, item.id, profile=Profile(alcohol="most_days"), questions_chosen=[])
    step = only_step(content, session)
    assert not [i for i in step.items if i.label == content.text("next.ask")]


def test_unclear_values_lead_back_to_what_matters(content):
    item = next(i for i in content.readiness.readiness if i.leads_to == "values")
    step = only_step(content, said_no(content, item.id))
    assert [(i.page, i.text) for i in step.items] == [("values", content.text("step.values.title"))]


def test_not_enough_support_names_the_people_he_said_are_involved_then_the_care_team(content):
    item = next(i for i in content.readiness.readiness if i.leads_to == "support")
    step = only_step(content, said_no(content, item.id, others_involved=["partner", "friend"]))
    talk = [i.text for i in step.items]
    t = content.text
    assert talk == [
        t("next.person.partner"),
        t("next.person.friend"),
        t("next.person.care_team"),
        t("next.person.patient_group"),
    ]
    alone = only_step(content, said_no(content, item.id, others_involved=["no_one"]))
    assert [i.text for i in alone.items] == [t("next.person.care_team"), t("next.person.patient_group")]


def test_feeling_pressure_adds_a_step_of_its_own_after_the_readiness_steps(content):
    item = next(i for i in content.readiness.readiness if i.leads_to == "support")
    steps = next_steps(content, said_no(content, item.id, pressure="yes"))
    assert [s.kind for s in steps] == ["support", "pressure"]
    assert steps[-1].text == content.text("next.pressure")
    for answer in ("no", "not_sure"):
        assert next_steps(content, Session(pressure=answer)) == ()


def test_steps_follow_the_order_of_the_questions(content):
    session = Session(readiness={i.id: False for i in content.readiness.readiness})
    kinds = [s.kind for s in next_steps(content, session)]
    assert kinds == [i.leads_to for i in content.readiness.readiness]
