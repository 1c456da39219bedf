"""Every score follows its attribute's written rubric, and licence rules name real answers.

Each test plants one violation in the small valid locale (tests/testdata/loader/faults)
and expects exactly that problem, at its line.
"""

from __future__ import annotations

from decisionaid.loader import read_content
from decisionaid.loader.rubric_checks import profile_answers
from tests.loader.problems import problems_in


def test_the_valid_fixture_with_rubrics_and_ranges_has_no_problems(content_copy):
    content, problems = read_content(content_copy())
    assert [str(p) for p in problems] == []
    assert content is not None
    assert [level.score for level in content.attributes[0].rubric.levels] == [1.0, 0.3, 0.0]


def test_an_attribute_without_a_rubric_is_reported(content_copy):
    lines = [line.split("/content/en/")[-1] for line in problems_in(content_copy("no-rubric"))]
    assert lines == [
        "attributes.yaml:16 attributes[1].rubric: 'record' has no rubric: "
        "write the rule that turns evidence into its score"
    ]


def test_a_score_between_two_rubric_levels_is_reported_at_the_score(content_copy):
    lines = [line.split("/content/en/")[-1] for line in problems_in(content_copy("score-off-rubric"))]
    assert len(lines) == 2, lines
    assert (
        "options/alpha.md:16 attributes.burden.score: 0.4 is not a level of the 'burden' rubric (0, 0.3, 1)"
        in lines
    )
    assert (
        "options/alpha.md:16 attributes.burden.high: 0.4 is not a level of the 'burden' rubric (0, 0.3, 1)"
        in lines
    )


def test_a_score_without_its_low_and_high_ends_is_reported(content_copy):
    lines = problems_in(content_copy("score-without-range"))
    assert len(lines) == 1, lines
    assert "options/beta.md:17 attributes.record: no low and high" in lines[0]


def test_not_sure_and_answers_nobody_can_give_never_rule_an_option_out(content_copy):
    lines = problems_in(content_copy("not-for-not-sure"))
    assert len(lines) == 2, lines
    assert "options/alpha.md:19 not_for[0].when.inhibitors: 'not_sure' never rules an option out" in lines[0]
    assert (
        "options/alpha.md:22 not_for[1].when.age_group: 'under_6' is not an answer to age_group" in lines[1]
    )


def test_the_current_treatment_option_is_not_held_to_the_rubric(content_copy):
    # "Stay with my current treatment" is never scored: its product's own card is.
    content, problems = read_content(content_copy("current-off-rubric"))
    assert [str(p) for p in problems] == []
    assert content is not None


def test_the_answers_a_licence_rule_can_name_come_from_the_profile_step():
    assert profile_answers("inhibitors") == {"now", "past", "never", "not_sure"}
    assert profile_answers("age_group") == {"under_12", "under_18", "18_to_64", "65_plus"}
    assert profile_answers("severity") == {"severe", "moderate", "mild", "not_sure"}
    assert profile_answers("aav_antibodies") == {"positive", "negative", "not_tested", "not_sure"}


def test_the_shipped_content_scores_every_product_on_a_rubric_level_with_a_range():
    from decisionaid import locations
    from decisionaid.loader import load_content

    content = load_content(locations.locale_root("en"))
    for attribute in content.attributes:
        assert attribute.rubric is not None, attribute.id
        levels = {level.score for level in attribute.rubric.levels}
        for option in content.options:
            if option.kind == "current":
                continue
            score = option.attributes[attribute.id]
            assert score.low is not None and score.high is not None, (option.id, attribute.id)
            assert {score.score, score.low, score.high} <= levels, (option.id, attribute.id)


def test_what_staying_on_an_option_asks_follows_the_rubric(content_copy):
    """Reviews M4-6, M4-13: what staying asks (`while_used`) is a score like any other."""
    lines = [line.split("/content/en/")[-1] for line in problems_in(content_copy("lasting-score-off-rubric"))]
    assert lines == [
        "options/alpha.md:23 attributes.burden.while_used.score: 0.4 is not a level of the 'burden' "
        "rubric (0, 0.3, 1)",
        "options/alpha.md:25 attributes.burden.while_used.high: 0.4 is not a level of the 'burden' "
        "rubric (0, 0.3, 1)",
    ]


def test_a_score_worded_for_some_people_follows_the_same_rubric(content_copy):
    """Review R5-14: a score variant (Alhemo's with an inhibitor now) is held to the
    attribute's rubric like the general score."""
    lines = problems_in(content_copy("score-variant-off-rubric"))
    assert len(lines) == 1, lines
    assert lines[0].split("/content/en/")[-1] == (
        "options/alpha.md:24 attributes.burden.variants[0].score: "
        "0.4 is not a level of the 'burden' rubric (0, 0.3, 1)"
    )
