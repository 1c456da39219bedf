"""Issue 14: the answers a wording or a licence rule turns on, and licence lines by region,
are checked when the content loads: a key or an answer no one can give is refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from decisionaid.domain.content import Licence, NotFor
from decisionaid.loader import read_content


def with_variant(root, when: str) -> None:
    flags = root / "flags.yaml"
    flags.write_text(
        flags.read_text()
        + "    variants:\n"
        + f"      - when: {when}\n"
        + "        text: Factor may not work well if you have inhibitors.\n"
        + "        sources: [S1]\n"
    )


def problems_of(root) -> list[str]:
    content, problems = read_content(root)
    lines = [str(p).split("/content/en/")[-1] for p in problems]
    assert (content is None) == bool(lines), lines
    return lines


@pytest.mark.parametrize(
    "when",
    [
        "{sex: [female]}",
        "{region: [uk, eu]}",
        "{hiv: ['yes']}",
        "{hepatitis_c: [past_cured]}",
        "{heart_risk: ['yes']}",
    ],
)
def test_a_wording_may_turn_on_the_answers_added_to_about_you(content_copy, when):
    root = content_copy()
    with_variant(root, when)
    assert problems_of(root) == []


def test_a_wording_on_a_question_that_does_not_exist_is_refused(content_copy):
    root = content_copy()
    with_variant(root, "{planet: [mars]}")
    lines = problems_of(root)
    assert len(lines) == 1 and "flags.yaml" in lines[0] and "planet" in lines[0], lines


def test_a_wording_on_an_answer_that_does_not_exist_is_refused(content_copy):
    root = content_copy()
    with_variant(root, "{region: [mars]}")
    lines = problems_of(root)
    assert len(lines) == 1, lines
    assert "flags[0].variants[0].when.region: 'mars' is not an answer to region" in lines[0]
    assert "uk" in lines[0]


def test_prefer_not_to_say_never_picks_a_wording(content_copy):
    root = content_copy()
    with_variant(root, "{sex: [prefer_not_to_say]}")
    lines = problems_of(root)
    assert len(lines) == 1 and "'prefer_not_to_say' never picks a wording" in lines[0], lines


def test_a_licence_rule_on_prefer_not_to_say_or_on_an_unknown_question_is_refused(content_copy):
    root = content_copy()
    alpha = root / "options" / "alpha.md"
    rule = "not_for:\n  - when: {region: [prefer_not_to_say]}\n    reason: Not here.\n    sources: [S1]\n"
    alpha.write_text(alpha.read_text().replace("benefits:\n", rule + "benefits:\n", 1))
    lines = problems_of(root)
    assert len(lines) == 1 and "'prefer_not_to_say' never rules an option out" in lines[0], lines
    with pytest.raises(ValidationError):
        NotFor(when={"planet": ["mars"]}, reason="No.", sources=["S1"])


def test_licence_lines_load_and_their_sources_are_checked(content_copy):
    root = content_copy()
    alpha = root / "options" / "alpha.md"
    lines_ok = (
        "licences:\n"
        '  - region: eu\n    status: licensed\n    text: "European Union: licensed."\n    sources: [S1]\n'
    )
    alpha.write_text(alpha.read_text().replace("benefits:\n", lines_ok + "benefits:\n", 1))
    content, problems = read_content(root)
    assert [str(p) for p in problems] == []
    assert content.option("alpha").licences[0].region == "eu"
    alpha.write_text(alpha.read_text().replace("sources: [S1]\nbenefits:", "sources: [S404]\nbenefits:", 1))
    lines = problems_of(root)
    assert any("licences[0].sources" in line and "S404" in line for line in lines), lines


def test_a_licence_line_names_a_known_region_once():
    from decisionaid.domain.content import Option

    with pytest.raises(ValidationError):
        Licence(region="mars", status="licensed", text="Mars: licensed.", sources=["S1"])
    line = {"region": "uk", "status": "licensed", "text": "United Kingdom: licensed.", "sources": ["S1"]}
    with pytest.raises(ValidationError, match="more than one licence line for uk"):
        Option.model_validate({"licences": [line, line]})
