"""The loader refuses an outcome row that does not stand on the common footing (issue 15).

Each test plants one fault in the small valid locale's outcomes.yaml and expects the
problem at its line and field; the last ones check the shipped content itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.domain.content import STRONG_KINDS
from decisionaid.loader import load_content, read_content


def planted(root: Path, old: str, new: str) -> list[str]:
    """The problems after replacing `old` with `new` in outcomes.yaml, as 'file:line field: message'."""
    path = root / "outcomes.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    content, problems = read_content(root, reading_grades=False)
    assert content is None, "content with a faulty outcome row must not load"
    return [str(p).split("/content/en/")[-1] for p in problems]


def test_the_valid_outcome_table_loads_with_each_option(content_copy):
    content = load_content(content_copy())
    assert [o.option for o in content.outcomes] == ["alpha", "beta"]
    assert content.outcomes_for("alpha").bleeds[0].relative_fewer == 75


def test_a_bleed_row_without_a_comparator_is_refused(content_copy):
    lines = planted(content_copy(), "        comparator: prior_prevention\n", "")
    assert any(
        line.startswith("outcomes.yaml:") and "bleeds[0].comparator: required" in line for line in lines
    ), lines


def test_a_bleed_row_that_does_not_say_which_bleeds_it_counted_is_refused(content_copy):
    """Review R4-1: all bleeds and treated bleeds are different measures; each row names its own."""
    lines = planted(content_copy(), "      - counted: all\n        comparator", "      - comparator")
    assert any(
        line.startswith("outcomes.yaml:") and "bleeds[0].counted: required" in line for line in lines
    ), lines


def test_a_bleed_row_without_a_time_window_is_refused(content_copy):
    lines = planted(content_copy(), '        time_window: "1 year on it, against 6 months before"\n', "")
    assert any("outcomes[0].bleeds[0].time_window: required field is missing" in line for line in lines), (
        lines
    )


@pytest.mark.parametrize("row", ["bleeds", "harms"])
def test_a_row_without_a_source_is_refused(content_copy, row):
    root = content_copy()
    text = (root / "outcomes.yaml").read_text()
    # The alpha entry's first row of this kind loses its sources.
    start = text.index(f"    {row}:")
    at = text.index("        sources: [S1]\n", start)
    (root / "outcomes.yaml").write_text(
        text[:at] + "        sources: []\n" + text[at + len("        sources: [S1]\n") :]
    )
    content, problems = read_content(root, reading_grades=False)
    assert content is None
    assert any(
        f"outcomes[0].{row}[0].sources: List should have at least 1 item" in str(p) for p in problems
    ), problems


def test_a_number_cited_only_to_news_is_refused(content_copy):
    root = content_copy()
    sources = root / "sources.yaml"
    sources.write_text(
        sources.read_text()
        + "\n  - id: N1\n    authors: A news site\n    title: A story about a trial\n"
        + "    venue: News\n    year: 2025\n    url: https://www.example-news.com/story\n"
        + "    kind: news\n    read: full\n"
    )
    lines = planted(root, "sources: [S1]", "sources: [N1]")
    assert any("outcomes[0].bleeds[0].sources: a number cited only to N1 (news)" in line for line in lines), (
        lines
    )


@pytest.mark.parametrize("value", ["63.5", "63.0", '"63"'])
def test_a_relative_change_that_is_not_a_whole_number_is_refused(content_copy, value):
    lines = planted(content_copy(), "relative_fewer: 75", f"relative_fewer: {value}")
    assert any(
        "outcomes[0].bleeds[0].relative_fewer: write the relative change as a whole number of percent" in line
        for line in lines
    ), lines


def test_a_row_with_no_comparator_cannot_give_a_relative_change(content_copy):
    lines = planted(
        content_copy(), "        after: 2.0\n", "        after: 2.0\n        relative_fewer: 10\n"
    )
    assert any("cannot have a 'before' rate or a relative change" in line for line in lines), lines


def test_an_option_without_an_outcome_table_is_refused(content_copy):
    root = content_copy()
    text = (root / "outcomes.yaml").read_text()
    (root / "outcomes.yaml").write_text(text[: text.index("  - option: beta")])
    content, problems = read_content(root, reading_grades=False)
    assert content is None
    assert any("no outcome table for option 'beta'" in str(p) for p in problems), problems


def test_a_certainty_word_the_written_rule_does_not_give_is_refused(content_copy):
    lines = planted(
        content_copy(),
        'certainty: {level: low, why: "one test study, with',
        'certainty: {level: moderate, why: "one test study, with',
    )
    assert any(
        "outcomes[0].bleeds[0].certainty.level: 'moderate' is not what the rule in about.md "
        "gives this row ('low'" in line
        for line in lines
    ), lines


def test_a_harms_certainty_word_the_written_rule_does_not_give_is_refused(content_copy):
    lines = planted(
        content_copy(),
        'certainty: {level: low, why: "one test study of 60 men',
        'certainty: {level: moderate, why: "one test study of 60 men',
    )
    assert any(
        "outcomes[0].harms[0].certainty.level: 'moderate' is not what the rule in about.md "
        "gives this harm ('low': count, 60 people)" in line
        for line in lines
    ), lines


def test_a_harm_without_a_certainty_word_is_refused(content_copy):
    lines = planted(
        content_copy(),
        '        certainty: {level: low, why: "one test study of 60 men, with no group to compare"}\n',
        "",
    )
    assert any("outcomes[0].harms[0].certainty" in line and "required" in line.lower() for line in lines), (
        lines
    )


def test_a_harm_with_a_count_but_no_denominator_is_refused(content_copy):
    lines = planted(content_copy(), "        count: 1\n        people: 60\n", "        count: 1\n")
    assert any("outcomes[0].harms[0]: give both count and people, or neither" in line for line in lines), (
        lines
    )


def test_a_harm_picture_that_is_not_in_figures_is_refused(content_copy):
    lines = planted(
        content_copy(),
        '        time_frame: "1 year"\n',
        '        time_frame: "1 year"\n        icon_array: no-such-picture\n',
    )
    assert any("no icon array 'no-such-picture' in figures.yaml" in line for line in lines), lines


def test_every_shipped_option_shown_has_an_outcome_row_citing_strong_read_sources(shipped_content):
    content = load_content(shipped_content)
    for option in content.options:
        table = content.outcomes_for(option.id)
        if option.kind == "current":
            assert table is None  # its card shows the table of the product used now
            continue
        assert table is not None, option.id
        for row in [*table.bleeds, *table.harms]:
            cited = [content.sources[s] for s in row.sources]
            assert any(s.kind in STRONG_KINDS and s.read for s in cited), (option.id, row)
        for bleed in table.bleeds:
            assert bleed.certainty.level == bleed.rule_level, (option.id, bleed)


def test_the_shipped_harm_pictures_belong_to_their_options(shipped_content):
    content = load_content(shipped_content)
    arrays = {a.id: a.option for a in content.figures.icon_arrays}
    pictured = {h.icon_array: t.option for t in content.outcomes for h in t.harms if h.icon_array}
    assert pictured and all(arrays[a] == option for a, option in pictured.items())
    # A picture of a main harm for every option whose harm has a count we could read and
    # someone had (review M6-1: a harm no one had is said in words, never drawn).
    counted = {t.option for t in content.outcomes for h in t.harms if h.count}
    assert counted <= set(pictured.values())


def test_a_change_against_groups_not_drawn_by_chance_is_refused(content_copy):
    """Review M6-2: one rule for every comparison with other trials' groups: no change given."""
    lines = planted(content_copy(), "        design: same_people\n", "        design: external_groups\n")
    assert any("no change is given against groups not drawn by chance" in line for line in lines), lines


def test_a_row_said_to_count_the_same_people_as_another_must_be_its_time_before(content_copy):
    """Review V9-7: a lead-in row names the option its people switched to; the loader checks
    that option's row gives this rate as its `before` and cites the same source."""
    beta = '        study: "a test study"\n        who: "80 men"'
    lines = planted(content_copy(), beta, beta.replace("study:", "same_people_as: alpha\n        study:"))
    assert any(
        "outcomes[1].bleeds[0].same_people_as: no bleed row of 'alpha' cites the same source "
        "and gives 2.0 as its rate before" in line
        for line in lines
    ), lines
    lines = planted(content_copy(), beta, beta.replace("study:", "same_people_as: gamma\n        study:"))
    assert any("same_people_as: no outcome table for 'gamma'" in line for line in lines), lines


def test_a_lead_in_row_loads_when_it_says_the_same_of_its_people_as_the_later_row(content_copy):
    """Beta's row made the time before alpha's: alpha's rate before, alpha's 60 men. Review
    V10-2: the two rows of one group of people also agree on their inhibitors and whether
    children were counted, or the content is refused."""
    root = content_copy()
    path = root / "outcomes.yaml"
    text = path.read_text()
    beta = '        after: 2.0\n        statistic: middle_value\n        study: "a test study"'
    assert beta in text
    lead_in = beta.replace("2.0", "4.0") + "\n        same_people_as: alpha"
    path.write_text(text.replace(beta, lead_in, 1).replace("        people: 80\n", "        people: 60\n", 1))
    assert load_content(root).outcomes_for("beta").bleeds[0].same_people_as == "alpha"

    path.write_text(text.replace(beta, lead_in + "\n        inhibitors: none", 1))  # and 80 men
    content, problems = read_content(root, reading_grades=False)
    assert content is None
    assert any(
        "same_people_as: its row of 'alpha' says otherwise of people, inhibitors" in str(p) for p in problems
    ), [str(p) for p in problems]


def test_a_change_in_bleeds_cited_only_to_a_cohort_study_is_refused(content_copy):
    """Review M7-4: a published cohort may carry a rate or a count, not alone a change set
    beside the trials' changes."""
    root = content_copy()
    sources = root / "sources.yaml"
    text = sources.read_text()
    label = "    url: https://www.ema.europa.eu/en/medicines/human/EPAR/test-alpha\n    kind: label"
    assert label in text
    sources.write_text(text.replace(label, label.replace("kind: label", "kind: cohort"), 1))
    content, problems = read_content(root, reading_grades=False)
    assert content is None
    refused = "outcomes[0].bleeds[0].relative_fewer: a change cited to no source stronger than a cohort"
    assert any(refused in str(p) for p in problems), [str(p) for p in problems]
    # The same cohort may still give a rate with no change beside it (the beta row).
    assert not any("outcomes[1].bleeds[0].relative_fewer" in str(p) for p in problems)

    # Review V10-3: a cohort and a weaker source (S2, a narrative review) do not carry it either.
    outcomes = root / "outcomes.yaml"
    text = outcomes.read_text()
    assert "        sources: [S1]\n" in text
    outcomes.write_text(text.replace("        sources: [S1]\n", "        sources: [S1, S2]\n", 1))
    _content, problems = read_content(root, reading_grades=False)
    assert any(refused in str(p) for p in problems), [str(p) for p in problems]
