"""The pictures: log-scale positions, which rows each chart holds, and their text equivalents."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from decisionaid.domain.content import Content
from decisionaid.domain.figures import (
    LevelChart,
    LogScale,
    doses_chart,
    durability_chart,
    factor_level_chart,
    icon_arrays_for,
    number,
)
from decisionaid.loader import load_content
from decisionaid.loader.checks import MAX_READING_GRADE
from decisionaid.loader.readability import reading_grade

TYPES = ("A", "B", None, "not_sure")


@cache
def _load(root: Path) -> Content:
    return load_content(root)


@pytest.fixture
def content(shipped_content) -> Content:
    return _load(shipped_content)


def level_charts(content: Content) -> list[LevelChart]:
    return [*(factor_level_chart(content, t) for t in TYPES), durability_chart(content)]


def test_a_lower_level_sits_left_of_a_higher_one_on_the_log_scale():
    scale = LogScale()
    places = [scale.position(v) for v in (1, 3, 5, 15, 40, 100)]
    assert places == sorted(places)
    assert scale.position(1) < scale.position(5)
    assert scale.position(1) > 0 and scale.position(100) < 1


def test_the_log_scale_gives_equal_ratios_equal_room():
    scale = LogScale()
    low_step = scale.position(2) - scale.position(1)
    high_step = scale.position(100) - scale.position(50)
    assert low_step == pytest.approx(high_step)
    assert scale.position(5) - scale.position(1) > scale.position(100) - scale.position(50)


@pytest.mark.parametrize(
    ("value", "place"), [(0, 0.0), (-3, 0.0), (0.5, 0.0), (0.1, 0.0), (150, 1.0), (900, 1.0)]
)
def test_levels_outside_the_log_scale_stop_at_its_ends(value, place):
    assert LogScale().position(value) == place


def test_numbers_are_written_without_a_trailing_zero():
    assert [number(v) for v in (5.0, 36.1, 0.5, 119.0, 1.25)] == ["5", "36.1", "0.5", "119", "1.25"]


def test_the_gauge_for_hemophilia_b_shows_hemgenix_s_trial_average_and_no_a_only_option(content):
    # Review R11 (R13b): the 0-100% spread rested on news only; the bar is now the trial's
    # average at 18 months (R12a), and the man with no response is the cross at 0%.
    chart = factor_level_chart(content, "B")
    hemgenix = next(r for r in chart.rows if r.label.startswith("Hemgenix"))
    assert (hemgenix.low, hemgenix.high, hemgenix.value) == (None, None, 34)
    assert "R13b" not in content.option("hemgenix").factor_level.sources
    a_only = {o.name for o in content.options if o.applies_to == "A"}
    assert not [r.label for r in chart.rows if any(r.label.startswith(name) for name in a_only)]
    # Review V7-7: the mark is an average rise in points, so it is not printed as a level.
    assert (
        "Hemgenix (measured in a trial): an average rise of about 34 on the % of normal scale." in chart.words
    )
    assert "about 34% of normal" not in chart.words
    assert "No response: 1 of 54 men treated in the HOPE-B trial made no factor IX at all." in chart.words


def test_the_gauge_without_a_type_shows_both_types_and_puts_withdrawn_options_last(content):
    rows = factor_level_chart(content, "not_sure").rows
    labels = [r.label for r in rows]
    assert any(label.startswith("Roctavian") for label in labels)
    assert any(label.startswith("Hemgenix") for label in labels)
    withdrawn = [o.name for o in content.options if o.status == "withdrawn" and o.factor_level]
    assert withdrawn, "the test needs a withdrawn option with a factor level"
    assert labels[-len(withdrawn) :] == [
        content.text("figure.row.status", name=n, status=content.text("figure.status.withdrawn"))
        for n in withdrawn
    ]
    assert factor_level_chart(content, None).rows == rows


def test_an_option_with_one_factor_level_is_a_value_not_a_range(content):
    hemlibra = next(r for r in factor_level_chart(content, "A").rows if r.label == "Hemlibra")
    assert (hemlibra.low, hemlibra.high, hemlibra.value) == (None, None, 15)
    assert "15%" in hemlibra.words


def test_the_gauge_draws_no_aim_that_no_guideline_we_read_sets(content):
    """E3 removed the surgery and 50% bands; R2-8 found the 3-5% trough aim rested only on
    a drug maker's page. With no band left, the words say nothing of aims either."""
    chart = factor_level_chart(content, "B")
    assert chart.goals == ()
    assert content.text("figure.bands.goals") not in chart.words


def test_every_icon_array_in_the_shipped_content_adds_up_to_100(content):
    arrays = content.figures.icon_arrays
    # Beqvez steroids; the HOPE-B press-only arrays and the Roctavian year-1 array (R2-1) were removed.
    assert len(arrays) >= 1
    for array in arrays:
        views = [v for v in icon_arrays_for(content, array.option) if v.id == array.id]
        assert len(views) == 1
        assert sum(count for count, _ in views[0].groups) == 100, array.id
        assert all(count >= 0 for count, _ in views[0].groups), array.id


def test_an_icon_array_says_who_was_counted_and_when_and_every_count(content):
    for option in content.options:
        for view in icon_arrays_for(content, option.id):
            assert view.denominator in view.words and view.time_frame in view.words
            for count, label in view.groups:
                assert f"{count} in 100: {label}" in view.words
                assert not re.search(r"(?<!\d)0 in 100: ", view.words)  # M6-1: no empty group
            assert view.sources


def test_an_option_without_icon_arrays_gets_none(content):
    assert icon_arrays_for(content, "current") == []


def test_every_text_equivalent_contains_every_row_number(content):
    for chart in level_charts(content):
        for row in chart.rows:
            for value in (row.low, row.high, row.value):
                if value is not None:
                    # A level in % of normal, or an average rise in points (review V7-7).
                    said = (f"{number(value)}%", f"{number(value)} on the % of normal scale")
                    assert any(s in row.words for s in said), (row.label, value)
            assert row.words in chart.words
        for band in (*chart.goals, *chart.severity):
            assert band.words in chart.words
    for kind in TYPES:
        chart = doses_chart(content, kind)
        for row in chart.rows:
            if row.high > 0:
                assert number(row.low) in row.words and number(row.high) in row.words, row.label
            assert row.words in chart.words


def test_the_doses_words_for_hemgenix_say_one_infusion_not_zero(content):
    hemgenix = next(r for r in doses_chart(content, "B").rows if r.label == "Hemgenix")
    assert (hemgenix.low, hemgenix.high) == (0, 0)
    assert "one infusion, then none for most people" in hemgenix.words
    assert " 0 " not in f" {hemgenix.words} "


def test_the_doses_chart_leaves_out_staying_with_current_treatment_and_other_types(content):
    labels = [r.label for r in doses_chart(content, "A").rows]
    assert content.option("current").name not in labels
    assert "Hemgenix" not in labels and "Hemlibra" in labels
    assert doses_chart(content, "A").max_value == max(r.high for r in doses_chart(content, "A").rows)


def test_the_durability_chart_has_rows_for_hemophilia_a_and_b(content):
    chart = durability_chart(content)
    types = {s.id: s.applies_to for s in content.figures.durability.series}
    assert {types[r.series] for r in chart.rows} == {"A", "B"}
    assert any("hemophilia A" in r.label for r in chart.rows)
    assert any("hemophilia B" in r.label for r in chart.rows)


def test_durability_rows_go_series_by_series_then_year(content):
    chart = durability_chart(content)
    order = [s.id for s in content.figures.durability.series]
    years = {(s.id, p.when): p.year for s in content.figures.durability.series for p in s.points}
    keys = [(order.index(r.series), years[(r.series, r.label.split(" · ")[0])]) for r in chart.rows]
    assert keys == sorted(keys)
    assert len(chart.rows) == sum(len(s.points) for s in content.figures.durability.series)


def test_the_durability_caption_warns_it_is_not_head_to_head_and_gives_the_peak_shares(content):
    caption = durability_chart(content).caption
    assert "head-to-head" in caption
    peak = content.figures.durability.peak_share
    assert f"{number(peak.factor_viii)}%" in caption and f"{number(peak.factor_ix)}%" in caption


def test_a_durability_range_is_read_out_with_its_lowest_and_highest_man(content):
    ranged = [r for r in durability_chart(content).rows if r.low is not None]
    assert ranged
    for row in ranged:
        assert f"{number(row.low)}%" in row.words and f"{number(row.high)}%" in row.words


def test_the_text_equivalents_read_at_grade_8_or_below(content):
    words = [chart.words for chart in level_charts(content)]
    words += [row.words for chart in level_charts(content) for row in chart.rows]
    words += [doses_chart(content, t).words for t in TYPES]
    words += [v.words for o in content.options for v in icon_arrays_for(content, o.id)]
    grades = {text[:60]: reading_grade(text) for text in words}
    assert max(grades.values()) <= MAX_READING_GRADE, grades


def test_the_plain_scale_gives_every_step_the_same_room():
    from decisionaid.domain.level_scales import LinearScale

    scale = LinearScale()
    assert scale.position(0) == 0 and scale.position(150) == 1
    assert scale.position(75) == 0.5
    step = scale.position(50) - scale.position(25)
    assert abs(step - (scale.position(125) - scale.position(100))) < 1e-9
    assert scale.position(500) == 1 and scale.linear and not LogScale().linear


def test_an_average_rise_with_a_range_is_refused():
    """Review R13-2: a rise is printed as one average ("about 34"), so a span would be lost."""
    import pydantic

    from decisionaid.domain.content import FactorLevel

    with pytest.raises(pydantic.ValidationError, match="an average rise is one number"):
        FactorLevel(low=29, high=39, note="x", measure="average_rise")
    assert FactorLevel(low=34, high=34, note="x", measure="average_rise").low == 34
