"""The loader: "Stay with my current treatment" needs no scores, since it is never scored."""

from __future__ import annotations

import re

from decisionaid.loader import load_content, read_content


def _as_current(text: str, attributes: str) -> str:
    """beta.md turned into the "current" option, with the given attributes block."""
    text = text.replace("kind: factor", "kind: current")
    return re.sub(r"attributes:\n(  .*\n)+", attributes, text)


def test_the_current_option_loads_without_any_attribute_scores(content_copy):
    root = content_copy()
    beta = root / "options" / "beta.md"
    beta.write_text(_as_current(beta.read_text(), "attributes: {}\n"))
    content = load_content(root)
    assert content.option("beta").kind == "current"
    assert content.option("beta").attributes == {}


def test_any_other_option_without_a_score_is_still_reported(content_copy):
    root = content_copy()
    beta = root / "options" / "beta.md"
    beta.write_text(re.sub(r"attributes:\n(  .*\n)+", "attributes: {}\n", beta.read_text()))
    _, problems = read_content(root)
    lines = [str(p) for p in problems]
    assert any("attributes.burden: no score for this attribute" in line for line in lines), lines
    assert any("attributes.record: no score for this attribute" in line for line in lines), lines


def test_a_score_the_current_option_does_give_is_still_checked(content_copy):
    root = content_copy()
    beta = root / "options" / "beta.md"
    wrong = 'attributes:\n  travel: {score: 0.5, reason: "Near home", source: S1}\n'
    beta.write_text(_as_current(beta.read_text(), wrong))
    _, problems = read_content(root)
    assert any("attributes.travel: not an attribute in attributes.yaml" in str(p) for p in problems)
