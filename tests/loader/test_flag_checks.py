"""A note's wordings for some people name answers a person can give, and real sources.

The test plants the faults in the small valid locale (tests/testdata/loader/faults)
and expects exactly those problems, at their lines.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from decisionaid.domain.content import FlagVariant
from decisionaid.loader import read_content


def test_a_wording_for_an_answer_no_one_can_give_or_not_sure_or_an_unknown_source_is_refused(content_copy):
    content, problems = read_content(content_copy("flag-variant-impossible-answer"))
    assert content is None, "content with problems must not load"
    lines = [str(p).split("/content/en/")[-1] for p in problems]
    assert len(lines) == 3, lines
    assert any(
        line.startswith("flags.yaml:9 flags[0].variants[0].when.hemophilia_type: 'C' is not an answer")
        for line in lines
    ), lines
    assert any(
        line.startswith(
            "flags.yaml:12 flags[0].variants[1].when.inhibitors: 'not_sure' never picks a wording"
        )
        for line in lines
    ), lines
    assert any("flags[0].variants[2].sources" in line and "S404" in line for line in lines), lines


def test_the_valid_fixture_with_a_wording_for_type_b_loads(content_copy, tmp_path):
    root = content_copy()
    flags = root / "flags.yaml"
    flags.write_text(
        flags.read_text()
        + "    variants:\n"
        + "      - when: {hemophilia_type: [B]}\n"
        + "        text: Factor may not work well if you have inhibitors.\n"
        + "        sources: [S1]\n"
    )
    content, problems = read_content(root)
    assert [str(p) for p in problems] == []
    assert content is not None and content.flags[0].variants[0].when == {"hemophilia_type": ["B"]}


def test_a_wording_with_a_text_but_no_source_or_with_no_words_is_refused():
    with pytest.raises(ValidationError, match="needs at least one source"):
        FlagVariant(when={"hemophilia_type": ["B"]}, text="Some words.")
    with pytest.raises(ValidationError, match="needs a text, a question or both"):
        FlagVariant(when={"hemophilia_type": ["B"]}, sources=["S1"])
