"""Shares of people on the cards and in the modules: "x in 100" or "x of N", never a
percentage, and always with the other side (issue 15; IPDAS QI5, QI9 and C1).

Each test plants one sentence in the small valid locale (a benefit of option alpha, or the
body of the basics module) and expects the problem at its file and line, or none; the last
test checks the shipped content itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.loader import read_content
from decisionaid.loader.load import _read_all
from decisionaid.loader.share_checks import share_problems

BENEFIT = '  - text: "It stops most bleeds."\n'
BENEFIT_LINE = 19  # the line of that benefit (its '- text:') in options/alpha.md
MODULE_BODY = "Your blood needs factor to clot. Some people have less factor [@S1].\n"
MODULE_LINE = 11  # the first line of the basics module's body


def _share_lines(root: Path) -> list[str]:
    """The problems of the share rule in the content at `root`, as 'file:line field: message'."""
    content, problems = read_content(root, reading_grades=False)
    lines = [str(p).split("/content/en/")[-1] for p in problems]
    shares = [line for line in lines if "share of people" in line or "with a decimal" in line]
    assert (content is None) == bool(lines), "content with problems must not load, and only then"
    return shares


def in_a_benefit(root: Path, sentence: str) -> list[str]:
    """The share problems after option alpha's first benefit says `sentence`."""
    path = root / "options" / "alpha.md"
    text = path.read_text()
    assert BENEFIT in text
    path.write_text(text.replace(BENEFIT, f'  - text: "{sentence}"\n', 1))
    return _share_lines(root)


def in_the_module(root: Path, body: str) -> list[str]:
    """The share problems after the basics module's patient text is `body`."""
    path = root / "modules" / "01-basics.md"
    text = path.read_text()
    assert MODULE_BODY in text
    path.write_text(text.replace(MODULE_BODY, body, 1))
    return _share_lines(root)


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("In the trial, 60% of men had no bleeds; the rest had at least one.", "60% of men"),
        ("28 of 45 men (62%) took steroids, and the other 17 did not.", "28 of 45 men (62%)"),
        ("Of 316 men, 188 (59.5%) could not join. The other 128 could.", "188 (59.5%) could"),
        ("In year 2, 27% had a clot and 73 in 100 did not.", "27% had a clot"),
        # the IPDAS audit's own examples: "%" for people and a factor level in one sentence, a decimal
        ("At year 5, 31% of men were at 40% or more; the rest were lower.", "31% of men"),
        ("On the older dose, 1.4% had a clot; the rest did not.", "1.4% had a clot"),
    ],
)
def test_a_share_of_people_given_as_a_percentage_is_refused_at_its_line(content_copy, sentence, shown):
    lines = in_a_benefit(content_copy(), sentence)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"options/alpha.md:{BENEFIT_LINE} benefits[0].text: gives a share of people")
    assert "as a percentage ('" in lines[0] and shown in lines[0]
    assert "write 'x in 100' (a whole number) or 'x of N'" in lines[0]


def test_a_decimal_percentage_that_is_no_factor_level_is_refused(content_copy):
    lines = in_a_benefit(content_copy(), "Serious problems were 26.5% lower in this group.")
    assert lines == [
        f"options/alpha.md:{BENEFIT_LINE} benefits[0].text: gives a percentage with a decimal "
        "('26.5%') that is not a factor level; a share of people is 'x in 100' (a whole number) "
        "or 'x of N', a relative change a whole number"
    ]


def test_a_decimal_share_in_100_is_refused(content_copy):
    lines = in_a_benefit(content_copy(), "About 2.6 in 100 people had a clot.")
    assert len(lines) == 1, lines
    assert "gives a share of people with a decimal ('About 2.6 in 100 people had a" in lines[0]


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("In the first trial, 9 of 10 men had no bleeds.", "9 of 10 men"),
        ("82 in 100 of those still followed had no treated bleeds.", "82 in 100 of those"),
        ("In the trial, 28 of the 45 took steroids. It was for liver tests.", "28 of the 45 took"),
        ("Of 316 men checked for the study, 188 could not join.", "Of 316 men checked"),
        ("Fewer than 1 in 100 people make them.", "1 in 100 people"),
    ],
)
def test_a_share_of_people_from_one_side_only_is_refused(content_copy, sentence, shown):
    lines = in_a_benefit(content_copy(), sentence)
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        f"options/alpha.md:{BENEFIT_LINE} benefits[0].text: gives a share of people from one side only ('"
    )
    assert shown in lines[0]
    assert "give the other side too, in the same or the next sentence" in lines[0]


def test_in_a_module_the_problem_names_the_line_the_sentence_is_on(content_copy):
    body = (
        "Your blood needs factor to clot.\n"
        "Some people have less factor [@S1].\n"
        "\n"
        "In one trial, bleeds fell from about 4 to 1 a year.\n"
        "In that trial, 60% of men\n"
        "had no bleeds [@S1].\n"
    )
    lines = in_the_module(content_copy(), body)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"modules/01-basics.md:{MODULE_LINE + 4} module body: gives a share of people")


@pytest.mark.parametrize(
    "sentence",
    [
        # factor levels keep their %
        "The men started at a factor IX level of 2% or less.",
        "A level of 40% of normal or more is in the normal range.",
        "At 15 months, factor IX ranged from 1.9% to 119% between men.",
        "The average factor VIII level of the 134 men was about 42%.",
        "Factor IX made by the liver averaged 26.9%. The lowest man was at 1.9%.",
        # a relative change of bleeds, a whole number beside the absolute numbers
        "Bleeds fell from about 4.2 to 1.5 a year. That is 63% fewer.",
        "Treated bleeds were about 85% lower on average than before.",
        # shares with their other side
        "9 of 10 men had no bleeds and 1 had at least one.",
        "28 of 45 men (62 in 100) took steroids. The other 17 (38 in 100) did not.",
        "140 of 170 people had no treated bleeds. The other 30 had at least one.",
        "Fewer than 1 in 100 people make them, and more than 99 in 100 do not.",
        "3 of 401 people got TMA and 2 got a clot. The rest had none of these.",
        "54 men got it. 50 of them were followed for 5 years. Of the other 4, 2 died.",
        # not a share of people, or one whose other side is plain
        "None of 15 men went back to regular factor IX in 5 years.",
        "It lasts 3 of the 4 weeks between doses.",
        "About 4 in 100 doses were missed.",
    ],
)
def test_factor_levels_relative_changes_and_shares_with_both_sides_pass(content_copy, sentence):
    assert in_a_benefit(content_copy(), sentence) == []


def test_the_shipped_cards_and_modules_give_every_share_of_people_as_the_rule_asks(shipped_content):
    files, _ = _read_all(shipped_content)
    assert files.options and files.modules, "no cards or modules read: the check is wrong"
    assert [str(p) for p in share_problems(files)] == []


def _plant(root: Path, name: str, old: str, new: str) -> list[str]:
    path = root / name
    text = path.read_text()
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1))
    return _share_lines(root)


def test_the_rule_holds_in_the_flags_and_the_knowledge_check_too(content_copy):
    """The lead's extension: the notes, the knowledge check's explanations, the limits and
    the charts' words are patient text as much as the cards (they had "28 of 45 men (62%)
    took steroids" and "188 of 316 ... could not join" with one side only)."""
    flags = _plant(
        content_copy(),
        "flags.yaml",
        "text: Some options may not work if you have inhibitors.",
        "text: In one trial, 28 of 45 men (62%) took steroids.",
    )
    assert [line.split(" ", 1)[0] for line in flags] == ["flags.yaml:4", "flags.yaml:4"], flags
    assert "as a percentage" in flags[0] and "from one side only" in flags[1]
    knowledge = _plant(
        content_copy(),
        "knowledge.yaml",
        "explanation: It is given twice a week.",
        "explanation: In one trial, 50 of 54 men were followed for 5 years.",
    )
    assert len(knowledge) == 1 and knowledge[0].startswith("knowledge.yaml:6 "), knowledge
    assert "from one side only" in knowledge[0]


def test_the_words_beside_an_icon_array_are_not_read_for_the_other_side(content_copy):
    # The picture draws both groups (they add up to 100, checked by the loader).
    assert (
        _plant(
            content_copy(),
            "figures.yaml",
            'denominator: "50 men in a test study"',
            'denominator: "50 men in a test study. 30 of the 50 had no bleeds"',
        )
        == []
    )
