"""Review R10 (a haemophilia consultant's check of the R9 fixes): each finding a rule on the
shipped content, so undoing the fix makes its test fail."""

from __future__ import annotations


def test_the_hympavzi_on_demand_group_is_described_as_the_factor_on_demand_row_describes_it(content):
    """R10-4: the same 33 BASIS people read "severe hemophilia A or B" in Hympavzi's table and
    "factor IX 2% or less" in the factor-on-demand table; the abstract took factor IX up to 2%."""
    row = next(b for b in content.outcomes_for("marstacimab").bleeds if b.comparator == "on_demand")
    same = content.outcomes_for("factor-on-demand").bleeds[0]
    assert row.people == same.people == 33
    assert "severe hemophilia A or B" not in row.who
    assert "factor VIII below 1%" in row.who
    assert "factor IX 2% or less" in row.who


def _hemlibra_clot_variant_for_an_inhibitor_now(content):
    clots = content.option("emicizumab").attributes["clot_risk"]
    return next(v for v in clots.variants if "now" in v.when.get("inhibitors", []))


def test_the_hemlibra_clot_reason_for_an_inhibitor_now_says_the_grid_word_only_compares(content):
    """R10-2: the grid can print "good" beside "this warning is about you"; the word is only
    relative to the other options scored, so the reason says so and ends with what lowers the
    risk (a bleed plan made before starting, naming the bypassing medicine and the dose)."""
    reason = _hemlibra_clot_variant_for_an_inhibitor_now(content).reason
    assert "only compares" in reason
    assert "does not mean the risk is small" in reason
    assert "plan" in reason and "how much" in reason


def test_the_hemgenix_year_ahead_names_the_three_monthly_tests_and_the_yearly_liver_scan(content):
    """R10-6: the reason for a man on Hemgenix jumped from the weekly tests to "every 6 months"
    in year 2; the leaflet has tests every 3 months from month 4 to month 12, and a yearly
    liver ultrasound (and blood test) for at least 5 years for men with liver risk factors.
    The score stays as it was (at most 5 tests in any year ahead once past month 3)."""
    needles = content.option("hemgenix").attributes["needles"].while_used
    assert "every 3 months" in needles.reason
    assert "ultrasound" in needles.reason and "hepatitis" in needles.reason
    assert (needles.score, needles.low, needles.high) == (1.0, 0.75, 1.0)


def test_the_long_acting_factor_ix_bar_is_the_trough_alprolix_was_dosed_to_and_says_so(content):
    """R10-3: the card is scored on Alprolix, but its gauge bar was Idelvion's measured low
    points (12% to 20%), while the factor VIII bar is the aim of its scored product (R9-4).
    B-LONG dosed Alprolix to a low point of 1% to 3% above the person's own level (register
    arm descriptions), so the bar is that aim, drawn as an aim, and Idelvion is named in the
    note as another product's measured result."""
    level = content.option("factor9-extended").factor_level
    assert (level.low, level.high) == (1, 3)
    assert "blong-ctgov" in level.sources
    gauge = next(g for g in content.figures.gauge if g.option == "factor9-extended")
    assert gauge.kind == "aim"
    assert "Idelvion" in level.note and "12%" in level.note and "20%" in level.note
    assert "aim, not a measured result" in level.note


def test_the_b_yond_denominator_says_we_could_not_check_if_past_inhibitors_could_join(content):
    """R10-5 (part): "none of 116" is read by a man who had an inhibitor, but the row did not
    say whether people like him were in the trials. We could read no allowed source on who
    was left out, so the row and its picture say that, rather than staying silent."""
    row = next(h for h in content.outcomes_for("factor9-extended").harms if "already treated" in h.harm)
    assert "could not check whether people who once had an inhibitor could join" in row.who


def test_the_gauge_caption_says_factor_bars_are_low_points_and_hemlibra_a_steady_estimate(content):
    """R10-7 (first review B4): the gauge sets a factor low point (an aim of 1% to 3%) beside
    Hemlibra's steady estimate and gene therapy's made levels; the caption says each bar
    measures something different, so a low point is not read as the whole week."""
    from decisionaid.domain.figures import factor_level_chart

    caption = factor_level_chart(content, None).caption
    assert "lowest level, just before the next dose" in caption
    assert "Hemlibra" in caption and "stays about the same" in caption


def test_alhemo_is_not_for_a_man_with_mild_hemophilia_in_the_eu_whatever_his_type(content):
    """R10-8: with no type, the EU rules for mild hemophilia (one for A, one for B) each name a
    type, so neither matched and Alhemo read "waits for your type". Both rule it out, so it is
    "Not for you"; with moderate hemophilia only the A rule does, so it still waits."""
    from decisionaid.domain.eligibility import standing
    from decisionaid.domain.session import Profile

    def alhemo(severity: str):
        profile = Profile(region="eu", severity=severity, inhibitors="never", hemophilia_type="not_sure")
        _, apart = standing(content, profile)
        return next(a for a in apart if a.option_id == "concizumab")

    mild = alhemo("mild")
    assert mild.standing == "not_for_you"
    assert any("severe hemophilia A" in r for r in mild.reasons)
    assert any("hemophilia B only up to a set factor IX level" in r for r in mild.reasons)
    assert alhemo("moderate").standing == "type_unknown"
