"""The limit "I could not put off having a child" marks Hemlibra and Hympavzi for a woman
who could become pregnant (review M5-2).

Their labels ask her to use birth control while she uses them and for 6 months (Hemlibra,
EU leaflet) or 2 months (Hympavzi, US label) after the last dose; the limit's reason and
the cards' `for_women` scores already said so, but the limit marked only the gene
therapies, the same for everyone. A crossing can now depend on the person's answers
(`crossed_by_when` in attributes.yaml, matched as licence rules are: "not sure" and no
answer never match)."""

from __future__ import annotations

import pytest

from decisionaid.domain.fit import fit
from decisionaid.domain.session import Profile, Session
from tests.domain.fit_factories import shipped

LIMIT = "wait_for_children"
ASK_BIRTH_CONTROL = {"emicizumab", "marstacimab"}


def _marked(**answers: str) -> dict[str, tuple[str, ...]]:
    content = shipped()
    profile = Profile(severity="severe", inhibitors="never", age_group="18_to_64", **answers)
    session = Session(profile=profile, importance={a.id: 3 for a in content.attributes}, hard_limits=[LIMIT])
    return {f.option_id: f.limits_crossed for f in fit(content, session).fits}


def _crossing(marked: dict[str, tuple[str, ...]]) -> set[str]:
    return {option for option, limits in marked.items() if LIMIT in limits}


def test_for_a_woman_with_type_a_on_hemlibra_who_could_become_pregnant_it_marks_hemlibra_and_hympavzi():
    marked = _marked(
        hemophilia_type="A", sex="female", pregnancy_possible="yes", current_treatment="emicizumab"
    )
    assert _crossing(marked) == ASK_BIRTH_CONTROL


def test_for_a_woman_with_type_b_in_the_us_who_could_become_pregnant_it_marks_hympavzi():
    marked = _marked(
        hemophilia_type="B",
        sex="female",
        pregnancy_possible="yes",
        region="us",
        current_treatment="factor-on-demand",
    )
    assert _crossing(marked) == {"marstacimab"}


def test_a_woman_planning_a_child_who_did_not_answer_the_pregnancy_question_sees_the_marks_too():
    marked = _marked(
        hemophilia_type="A", sex="female", plans_for_children="yes", current_treatment="emicizumab"
    )
    assert _crossing(marked) == ASK_BIRTH_CONTROL


@pytest.mark.parametrize(
    "answers",
    [
        {"sex": "male", "plans_for_children": "yes"},
        {"sex": "female", "pregnancy_possible": "no"},
        {"sex": "female", "pregnancy_possible": "not_sure"},
        {},
    ],
    ids=["man planning a child", "woman who could not", "woman not sure", "nothing said"],
)
def test_the_marks_on_hemlibra_and_hympavzi_are_only_for_a_woman_who_says_she_could_become_pregnant(answers):
    marked = _marked(hemophilia_type="A", current_treatment="emicizumab", **answers)
    assert not _crossing(marked) & ASK_BIRTH_CONTROL
    assert "emicizumab" in marked and "marstacimab" in marked


def test_the_limits_reason_names_what_the_labels_ask_of_her():
    limit = next(h for h in shipped().hard_limits if h.id == LIMIT)
    assert {o for c in limit.crossed_by_when for o in c.options} == ASK_BIRTH_CONTROL
    assert {"ema-hemlibra", "fda-hympavzi-2026"} <= {s for c in limit.crossed_by_when for s in c.sources}
    assert "6 months" in limit.reason and "2 months" in limit.reason
