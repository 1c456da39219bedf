"""A limit crossed only for some people (`crossed_by_when`, review M5-2) is read, and a
crossing that could never show is reported where it is written."""

from __future__ import annotations

import pytest

from decisionaid.loader import load_content
from tests.loader.problems import only_line, problems_in

CROSSING = (
    "    crossed_by_when:\n"
    '      - when: {sex: [female], pregnancy_possible: ["yes"]}\n'
    "        options: [beta]\n"
    "        sources: [S2]\n"
)


def _with(root, crossing: str):
    path = root / "attributes.yaml"
    text = path.read_text()
    path.write_text(text.replace("    crossed_by: [alpha]\n", "    crossed_by: [alpha]\n" + crossing))
    return root


def test_a_crossing_for_some_people_is_read_with_its_answers_options_and_sources(content_copy):
    content = load_content(_with(content_copy(), CROSSING))
    (crossing,) = content.hard_limits[0].crossed_by_when
    assert crossing.when == {"sex": ["female"], "pregnancy_possible": ["yes"]}
    assert crossing.options == ["beta"] and crossing.sources == ["S2"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "options: [beta]",
            "options: [beta, omega]",
            "attributes.yaml:36 hard_limits[0].crossed_by_when[0].options: no option 'omega'",
            id="no-such-option",
        ),
        pytest.param(
            'pregnancy_possible: ["yes"]',
            "pregnancy_possible: [not_sure]",
            "attributes.yaml:35 hard_limits[0].crossed_by_when[0].when.pregnancy_possible: 'not_sure'",
            id="not-sure",
        ),
        pytest.param(
            "sex: [female]",
            "sex: [woman]",
            "attributes.yaml:35 hard_limits[0].crossed_by_when[0].when.sex: 'woman' is not an answer to sex",
            id="no-such-answer",
        ),
        pytest.param(
            "sources: [S2]",
            "sources: [S9]",
            "attributes.yaml:37 hard_limits[0].crossed_by_when[0].sources: cites unknown source 'S9'",
            id="unknown-source",
        ),
    ],
)
def test_a_crossing_that_could_never_show_is_reported_at_its_line(content_copy, old, new, expected):
    root = _with(content_copy(), CROSSING.replace(old, new))
    assert expected in only_line(problems_in(root))
