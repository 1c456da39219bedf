"""The outcome table: one certainty rule, natural frequencies, one wording, and the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from decisionaid.domain.content import Source
from decisionaid.domain.outcome_view import ROWS, outcome_view, short_citation
from decisionaid.domain.outcomes import (
    Certainty,
    HarmOutcome,
    certainty_level,
    harm_certainty_level,
    per_hundred,
    per_thousand,
)
from decisionaid.domain.session import Session
from decisionaid.domain.summary import build_summary, weighed_options

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
TODAY = dt.date(2026, 12, 1)
SURE = Certainty(level="low", why="a test study")


def session(name: str) -> Session:
    return Session.model_validate_json((SESSIONS / f"{name}.json").read_text())


@pytest.mark.parametrize(
    ("design", "people", "same_product", "level"),
    [
        ("randomised", 52, True, "moderate"),
        ("randomised", 30, True, "low"),
        ("same_people", 54, True, "low"),
        ("same_people", 45, True, "very_low"),
        ("external_groups", 213, True, "low"),
        ("single_group", None, False, "very_low"),
        ("same_people", 400, False, "very_low"),
    ],
)
def test_the_certainty_word_follows_the_written_rule(design, people, same_product, level):
    assert certainty_level(design, people, same_product) == level


@pytest.mark.parametrize(
    ("kind", "design", "people", "same_product", "band", "like", "level"),
    [
        ("not_reported", "randomised", None, True, False, True, "very_low"),
        ("count", "randomised", 65, True, False, True, "moderate"),
        ("count", "randomised", 30, True, False, True, "low"),
        ("count", None, 116, True, False, True, "low"),
        ("count", None, 45, True, False, True, "very_low"),
        ("frequency", None, 184, False, False, True, "very_low"),  # a review pooling a class
        ("frequency", "randomised", None, True, False, True, "low"),  # shares, count not read
        ("frequency", "randomised", None, True, False, False, "very_low"),  # R11-2: boys only
        ("count", None, 23, True, False, False, "very_low"),
        ("frequency", None, None, True, True, True, "moderate"),  # R11-6: a label's band
        ("frequency", None, None, False, True, True, "low"),
    ],
)
def test_a_harms_certainty_word_follows_its_written_rule(
    kind, design, people, same_product, band, like, level
):
    assert harm_certainty_level(kind, design, people, same_product, band, like) == level


def test_about_md_writes_each_step_of_the_harm_rule(content):
    """Review R11-2: the rule the code follows is the one the reader is told."""
    about = " ".join(content.about.body.split()) if isinstance(content.about.body, str) else ""
    if not about:
        from decisionaid import locations

        about = " ".join((locations.locale_root("en") / "about.md").read_text().split())
    for step in (
        "If no source we read gives a number,** the word is *very low*",
        'A label\'s band,** such as "fewer than 1 in 100", starts at *moderate*',
        "A number from a study starts at *low*.** It starts at *moderate* only if a fair-draw trial",
        "if a study counted fewer than 50 people, or if we could not read how many",
        "from a different product, or from trials of several products pooled together",
        "if the people counted are not like most people who read that card",
    ):
        assert step in about, step


def test_every_harm_says_how_sure_we_can_be_in_words(content):
    """IPDAS QI20 (review M4-8): harms carry a certainty word and why, as bleed rows do."""
    for option in content.options:
        view = outcome_view(content, option)
        for harm in view.harms if view else ():
            assert "How sure we can be: " in harm.value, (option.id, harm.harm)
    pooled = outcome_view(content, content.option("hemgenix")).harms[0]
    assert pooled.value.endswith(
        "How sure we can be: Very low: a review that pooled 12 small trials of "
        "several gene therapies for hemophilia B, not only this one."
    )


def test_a_rare_harm_is_also_given_per_thousand_and_a_common_one_per_hundred():
    assert per_thousand(5, 401) == 12  # 12.5 in 1,000 would read 13: half up
    assert per_thousand(1, 54) == 19
    assert per_thousand(28, 45) is None
    assert per_thousand(0, 116) is None  # "none of 116" says more than "0 in 1,000"
    assert per_hundred(28, 45) == 62


def test_a_harm_says_how_often_in_exactly_one_way():
    with pytest.raises(ValidationError, match="exactly one of"):
        HarmOutcome(harm="Clots", who="people", time_frame="1 year", certainty=SURE, sources=["S1"])
    with pytest.raises(ValidationError, match="exactly one of"):
        HarmOutcome(
            harm="Clots",
            count=1,
            people=10,
            frequency="rare",
            who="people",
            time_frame="1 year",
            certainty=SURE,
            sources=["S1"],
        )
    with pytest.raises(ValidationError, match="more than people"):
        HarmOutcome(
            harm="Clots",
            count=11,
            people=10,
            who="people",
            time_frame="1 year",
            certainty=SURE,
            sources=["S1"],
        )


def test_hemgenix_reads_absolute_numbers_first_then_the_change_then_how_sure(content):
    view = outcome_view(content, content.option("hemgenix"))
    lines = view.bleeds[0].lines
    assert [line.label for line in lines] == [content.text(f"outcomes.row.{r}") for r in ROWS[:5]]
    assert (
        lines[0].value
        == "All bleeds, treated or not. Before: 4.2 a year (average). On it: 1.5 a year (average)."
    )
    assert lines[1].value.startswith(content.text("outcomes.comparator.prior_prevention"))
    assert lines[2].value == "63% fewer bleeds than in the comparison"
    assert lines[4].value.startswith("Low: one trial of 54 men")
    assert view.sources[0] == short_citation(content.sources["R13a"])


def test_a_rare_harm_reads_with_its_denominator_time_frame_and_per_thousand(content):
    harm = outcome_view(content, content.option("emicizumab")).harms[0]
    assert harm.value.startswith(
        "5 of 401 people (about 12 in 1,000); the other 396 did not. Who was counted:"
    )
    assert "Over: about 2 years on it" in harm.value
    # One unit per sentence: no "%" beside the people (the audit's "31% of men were at 40%").
    assert "%" not in harm.value


def test_a_harm_no_one_had_reads_none_of_the_people_counted(content):
    clots = outcome_view(content, content.option("marstacimab")).harms[0]
    assert clots.value.startswith("None of 116 people. Who was counted: people in the BASIS trial.")


def test_a_number_no_source_we_read_gives_is_said_to_be_not_reported(content):
    view = outcome_view(content, content.option("roctavian"))
    said = content.text("outcomes.not_reported")
    assert said in view.bleeds[0].lines[0].value.lower()
    # Review M6-2: a change with no numbers before and after says it may look bigger than it is.
    assert view.bleeds[0].lines[2].value == (
        "85% fewer bleeds than in the comparison. " + content.text("outcomes.change.relative_only")
    )


def test_stay_as_you_are_has_no_table_of_its_own(content):
    assert outcome_view(content, content.option("current")) is None


def test_the_summary_carries_the_outcome_tables_of_the_options_the_person_weighs(content):
    ray = session("ray-hemophilia-a")
    summary = build_summary(content, ray, TODAY, "0.1.0")
    assert summary.outcomes_title == content.text("summary.h.outcomes")
    names = [v.name for v in summary.outcomes]
    # He uses Hemlibra and leans to stay: a table of it alone would favour staying (M3-6),
    # so every option for hemophilia A is there, his own among them.
    assert content.option("emicizumab").name in names and content.option("roctavian").name in names
    emicizumab = next(v for v in summary.outcomes if v.option_id == "emicizumab")
    assert any("5 of 401 people" in h.value for h in emicizumab.harms)
    assert emicizumab.sources  # short citations travel with the numbers


def test_the_summary_shows_every_option_for_the_type_when_none_is_named(content):
    daniel = session("daniel-hemophilia-b").model_copy(
        update={
            "profile": session("daniel-hemophilia-b").profile.model_copy(update={"current_treatment": None})
        }
    )
    daniel = daniel.model_copy(update={"leaning": None, "compare_picks": None})
    summary = build_summary(content, daniel, TODAY, "0.1.0")
    ids = [v.option_id for v in summary.outcomes]
    assert "hemgenix" in ids and "factor9-standard" in ids and "roctavian" not in ids
    assert ids == [o.id for o in weighed_options(content, daniel) if o.kind != "current"]


@pytest.mark.parametrize("leaning", ["not_sure", "factor9-extended", None])
def test_a_person_who_names_only_what_he_uses_now_gets_every_option_for_his_type(content, leaning):
    daniel = session("daniel-hemophilia-b")
    assert daniel.profile.current_treatment == "factor9-extended"
    alone = daniel.model_copy(update={"leaning": leaning, "compare_picks": None})
    ids = [v.option_id for v in build_summary(content, alone, TODAY, "0.1.0").outcomes]
    assert "factor9-extended" in ids and "hemgenix" in ids and len(ids) >= 4


def test_two_products_named_make_the_comparison_alone(content):
    daniel = session("daniel-hemophilia-b").model_copy(update={"leaning": "hemgenix", "compare_picks": None})
    ids = [v.option_id for v in build_summary(content, daniel, TODAY, "0.1.0").outcomes]
    assert sorted(ids) == ["factor9-extended", "hemgenix"]


def test_every_bleed_row_says_which_bleeds_it_counted_before_its_numbers(content):
    """Review R4-1: HOPE-B and BENEGENE-2 counted all bleeds, BASIS and HAVEN treated ones;
    the two must not read as the same measure."""
    words = {kind: content.text(f"outcomes.counted.{kind}") for kind in ("all", "treated", "not_stated")}
    for option_id, kind in [
        ("hemgenix", "all"),
        ("beqvez", "all"),
        ("factor9-standard", "all"),
        ("emicizumab", "treated"),
        ("marstacimab", "treated"),
        ("roctavian", "treated"),
    ]:
        view = outcome_view(content, content.option(option_id))
        assert all(b.lines[0].value.startswith(words[kind]) for b in view.bleeds), option_id


def test_a_fair_draw_reads_as_two_groups_not_as_before_and_after(content):
    """Review R4-9: explorer7's 11.8 and 1.7 are two groups drawn by chance."""
    explorer7 = outcome_view(content, content.option("concizumab")).bleeds[0].lines[0].value
    assert "Group not on it: 11.8 a year (average). Group on it: 1.7 a year (average)." in explorer7
    assert "Before:" not in explorer7


@pytest.mark.parametrize(
    ("option_id", "before", "after"),
    [("factor8-extended", "33.6", "1.6"), ("factor9-extended", "17.7", "3.0")],
)
def test_a_long_acting_factor_trial_shows_its_own_on_demand_group_as_another_group_not_as_before(
    content, option_id, before, after
):
    """Review R7-3: A-LONG and B-LONG had a group that treated bleeds only; not "no comparison"."""
    lines = outcome_view(content, content.option(option_id)).bleeds[0].lines
    assert (
        f"Group not on it: {before} a year (middle value). Group on it: {after} a year (middle value)."
        in lines[0].value
    )
    assert "Before:" not in lines[0].value
    assert lines[1].value.startswith(content.text("outcomes.comparator.on_demand"))
    assert "fair draw" in lines[1].value
    assert "no comparison" not in " ".join(x.value.lower() for x in lines)


def test_qfitlia_shows_the_regular_prevention_comparisons_and_its_pooled_number_once(content):
    """Review R4-2: against regular factor it was about the same; 3.7 is all 213 people."""
    view = outcome_view(content, content.option("fitusiran"))
    rates = [b for b in view.bleeds if "3.7" in b.lines[0].value]
    assert [b.title for b in rates] == ["All 213 people in the study"]
    titles = [b.title for b in view.bleeds]
    assert titles.index("Against regular factor") < titles.index("Against factor only when you bleed")
    factor = next(b for b in view.bleeds if b.title == "Against regular factor")
    assert "about the same as on regular factor" in factor.lines[3].value
    # Review M6-2: against groups from earlier trials no change is given, as for every such row.
    external = [b for b in view.bleeds if b.title.startswith("Against")]
    assert external and all(b.lines[2].value == content.text("outcomes.change.not_fair") for b in external)


@pytest.mark.parametrize(
    "venue, title, expected",
    [
        ("US Food and Drug Administration (label)", "Roctavian: prescribing info", "Roctavian US label"),
        ("Swissmedic SwissPAR", "Summary report on authorisation - Hympavzi", "Hympavzi Swiss label"),
        ("Health Canada Drug Product Database", "ALHEMO (concizumab) monograph", "Alhemo Canada label"),
        ("electronic medicines compendium (emc)", "Hympavzi 150 mg solution", "Hympavzi UK label"),
        ("EMA public assessment report", "Hemgenix: EPAR - Product information", "Hemgenix EU label"),
        ("A regulator we do not know", "Somedrug (x)", "Somedrug label"),
    ],
)
def test_a_label_is_cited_by_its_product_and_the_region_its_regulator_serves(venue, title, expected):
    source = Source(
        id="L", authors="Maker", title=title, venue=venue, year=2025, kind="label", url="https://x.org"
    )
    assert short_citation(source) == f"{expected}, 2025"


def test_each_outcome_table_leads_with_the_bleed_row_about_people_like_the_reader(content):
    # Fourth methods review M4-15: Daniel, with no inhibitor, read Alhemo's inhibitor trial first.
    daniel = session("daniel-hemophilia-b")
    assert daniel.profile.inhibitors in ("never", "past")
    alhemo = next(
        v for v in build_summary(content, daniel, TODAY, "t").outcomes if v.option_id == "concizumab"
    )
    without = next(b for b in content.outcomes_for("concizumab").bleeds if b.inhibitors == "none")
    assert alhemo.bleeds[0].title == without.group


def test_a_lead_in_row_says_it_is_the_time_before_the_switch_not_a_rate_on_the_option(content):
    """Review V10-6: standard factor IX's "On it: 4.2" was the time before the same men had
    Hemgenix, on any regular factor IX, and stood beside Hemgenix's "Before: 4.2"."""
    t = content.text
    view = outcome_view(content, content.option("factor9-standard"))
    line = view.bleeds[0].lines[0].value
    assert t("outcomes.lead_in", option="Hemgenix", after="@").split("@")[0] in line, line
    assert t("outcomes.on_it", after="@").split("@")[0] not in line, line
    # A row about the option's own people still reads "On it".
    own = outcome_view(content, content.option("fitusiran")).bleeds
    assert any(t("outcomes.on_it", after="@").split("@")[0] in row.lines[0].value for row in own)
