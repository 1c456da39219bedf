"""Review M4-6: a limit that lasts while a treatment is used (the birth control Hemlibra and
Hympavzi ask of a woman who could become pregnant) is not a start-up burden, so staying on
the treatment keeps it: "what you use now asks nothing new" must not erase it."""

from __future__ import annotations

import pytest

from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.session import Profile

FIRST_YEAR = "first_year"


def _stay(content, **answers):
    _, _, now = fit_options(content, Profile(**answers))
    assert now is not None
    return now.attributes[FIRST_YEAR]


@pytest.mark.parametrize(
    ("kind", "product"), [("A", "emicizumab"), ("A", "marstacimab"), ("B", "marstacimab")]
)
def test_a_woman_who_stays_on_a_product_that_asks_for_birth_control_keeps_that_limit(content, kind, product):
    score = _stay(content, hemophilia_type=kind, sex="female", current_treatment=product)
    starting = content.option(product).for_women[FIRST_YEAR]
    assert score.score == starting.score < 1.0
    assert "birth control" in score.reason and "use it now" in score.reason.lower()


@pytest.mark.parametrize(
    "answers",
    [{"sex": "male"}, {"sex": "female", "pregnancy_possible": "no"}, {}],
    ids=["man", "woman-who-cannot-become-pregnant", "not-said"],
)
def test_staying_on_hemlibra_asks_nothing_new_of_anyone_else(content, answers):
    score = _stay(content, hemophilia_type="A", current_treatment="emicizumab", **answers)
    assert score.score == 1.0
    assert score.reason == content.text("fit.start_up_now")


def test_every_score_for_staying_is_a_level_of_its_rubric_with_a_known_source(content):
    rubrics = {a.id: a.rubric for a in content.attributes}
    sources = set(content.sources)
    found = []
    for option in content.options:
        for scores in (option.attributes, option.for_women):
            for attr_id, score in scores.items():
                kept = score.while_used
                if kept is None:
                    continue
                found.append(option.id)
                rubric = rubrics[attr_id]
                levels = {level.score for level in rubric.levels}
                assert {kept.score, kept.lowest, kept.highest} <= levels, (option.id, attr_id)
                assert kept.source in sources, (option.id, attr_id)
    assert {"emicizumab", "marstacimab", "fitusiran", "hemgenix", "roctavian"} <= set(found)
