"""IPDAS QI7, review M6-4: one table per type of the bleeds a year while on each option,
flagged where the counting differs from the common footing."""

from __future__ import annotations

from decisionaid.domain.bleed_rates import bleed_rates
from decisionaid.domain.content import in_shown_order
from decisionaid.domain.eligibility import for_type
from decisionaid.domain.option_grid import row_for
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.domain.session import Profile


def rows_by_option(rates, kind: str) -> dict:
    table = next(t for t in rates.tables if t.hemophilia_type == kind)
    return {row.option_id: row for row in table.rows}


def test_a_type_b_reader_gets_one_table_of_the_b_options_with_numbers_in_the_fixed_order(content):
    profile = Profile(hemophilia_type="B", current_treatment="factor9-extended")
    rates = bleed_rates(content, profile)
    assert [t.hemophilia_type for t in rates.tables] == ["B"]
    ids = [row.option_id for row in rates.tables[0].rows]
    expected = [
        o.id
        for o in in_shown_order(for_type(content, profile), profile.current_treatment)
        if content.outcomes_for(o.id) is not None and o.status != "withdrawn"
    ]
    assert ids == expected
    assert ids[0] == "factor9-extended"  # what he uses now leads, as everywhere
    assert "hemgenix" in ids and "emicizumab" not in ids and "factor8-standard" not in ids
    assert "current" not in ids  # staying as you are has no numbers of its own: not a row
    assert {content.option(i).applies_to for i in ids} <= {"B", "both"}


def test_an_unknown_or_unanswered_type_gets_a_table_for_each_type(content):
    for profile in (Profile(), Profile(hemophilia_type="not_sure")):
        rates = bleed_rates(content, profile)
        assert [t.hemophilia_type for t in rates.tables] == ["A", "B"]
        a, b = (rows_by_option(rates, k) for k in ("A", "B"))
        assert "emicizumab" in a and "emicizumab" not in b
        assert "hemgenix" in b and "hemgenix" not in a
        assert "concizumab" in a and "concizumab" in b  # an option for both types is in both
        assert rates.tables[0].title != rates.tables[1].title


def test_the_row_picked_for_a_person_with_an_inhibitor_is_the_one_about_people_with_inhibitors(content):
    with_one = Profile(hemophilia_type="A", inhibitors="now")
    without = Profile(hemophilia_type="A", inhibitors="never")
    bleeds = content.outcomes_for("concizumab").bleeds
    picked = rows_by_option(bleed_rates(content, with_one), "A")["concizumab"].outcome
    assert picked.inhibitors == "now"
    numbered = [b for b in bleeds if b.after is not None]
    assert picked is row_for(content, with_one)(numbered)  # the option grid's own rule
    other = rows_by_option(bleed_rates(content, without), "A")["concizumab"].outcome
    assert other.inhibitors == "none"
    # Review M8-1: said against the reader's own group. For him, the row about people with
    # inhibitors is not flagged; the mixed and the inhibitor-free rows are.
    t = content.text
    his = rows_by_option(bleed_rates(content, with_one), "A")
    assert t("outcomes.rates.flag.inhibitors") not in his["concizumab"].differs
    assert t("outcomes.rates.flag.mixed_inhibitors") in his["emicizumab"].differs
    assert t("outcomes.rates.flag.without_inhibitors") in his["marstacimab"].differs
    plain = Profile(hemophilia_type="A")  # no answer: a row about inhibitors only is flagged
    assert (
        t("outcomes.rates.flag.mixed_inhibitors")
        not in rows_by_option(bleed_rates(content, plain), "A")["emicizumab"].differs
    )


def test_a_row_counting_all_bleeds_is_flagged_and_one_on_the_common_footing_is_not(content):
    t = content.text
    profile = Profile(hemophilia_type="B", current_treatment="factor9-extended", inhibitors="never")
    rows = rows_by_option(bleed_rates(content, profile), "B")
    hemgenix = rows["hemgenix"]
    assert hemgenix.outcome.counted == "all"
    assert t("outcomes.rates.counted.all") in hemgenix.differs
    assert hemgenix.bleeds == t("outcomes.rate", value="1.5", statistic=t("outcomes.stat.average"))  # M8-4
    # Reviews R14-1, V9-1: the rate the same people had before, and what it was, in the wide column.
    kind = t("outcomes.comparator.prior_prevention")
    assert (
        t(
            "outcomes.rates.compared",
            before="4.2",
            kind=kind[:1].lower() + kind[1:],
            words=hemgenix.outcome.comparator_words,
        )
        in hemgenix.about
    )
    # Marstacimab against regular factor: treated bleeds, an average, its own trial, no flag.
    marstacimab = rows["marstacimab"]
    assert marstacimab.outcome.comparator == "prior_prevention"
    assert marstacimab.differs == t("outcomes.rates.no_flags")


def test_a_middle_value_another_product_and_children_counted_are_each_said(content):
    t = content.text
    b = rows_by_option(bleed_rates(content, Profile(hemophilia_type="B")), "B")
    alprolix = b["factor9-extended"]
    assert alprolix.outcome.statistic == "middle_value"
    assert t("outcomes.rates.stat.middle_value") in alprolix.differs
    assert t("outcomes.rates.counted.not_stated") in alprolix.differs
    assert t("outcomes.rates.flag.children") in alprolix.differs
    assert t("outcomes.rates.flag.other_product") in b["factor9-standard"].differs
    a = rows_by_option(bleed_rates(content, Profile(hemophilia_type="A")), "A")
    assert t("outcomes.rates.flag.children") in a["emicizumab"].differs
    assert t("outcomes.rates.flag.children") not in a["roctavian"].differs


def test_a_row_with_no_on_treatment_number_says_no_number_we_read_gives_it(content):
    t = content.text
    roctavian = rows_by_option(bleed_rates(content, Profile(hemophilia_type="A")), "A")["roctavian"]
    assert roctavian.outcome.after is None
    assert roctavian.bleeds == t("outcomes.rates.no_number")
    assert not any(ch.isdigit() for ch in roctavian.bleeds)


def test_each_row_says_who_how_many_for_how_long_how_sure_and_from_which_source(content):
    t = content.text
    hemgenix = rows_by_option(bleed_rates(content, Profile(hemophilia_type="B")), "B")["hemgenix"]
    row = hemgenix.outcome
    assert row.who in hemgenix.about and row.time_window in hemgenix.about
    assert t(f"outcomes.level.{row.certainty.level}") in hemgenix.about
    source = content.sources[row.sources[0]]
    assert source.year and str(source.year) in hemgenix.about
    # How many were counted: the count is in the words whether or not `who` names it.
    assert str(row.people) in hemgenix.about
    assert hemgenix.cells == (hemgenix.name, hemgenix.bleeds, hemgenix.differs, hemgenix.about)
    assert hemgenix.name in hemgenix.line and f"{row.after:.1f}" in hemgenix.line


def test_the_words_above_the_tables_say_the_studies_differ_and_never_which_to_choose(content):
    rates = bleed_rates(content, Profile(hemophilia_type="A"))
    intro = rates.intro.lower()
    assert "separate" in intro or "own study" in intro or "different" in intro
    assert "%" not in intro
    for word in ("best", "should", "choose", "recommend"):
        assert word not in intro
    assert len(rates.tables[0].header) == 4


def test_an_option_not_for_him_says_so_beside_its_name_so_its_number_is_not_read_as_his(content):
    t = content.text
    rows = rows_by_option(bleed_rates(content, Profile(hemophilia_type="A", inhibitors="now")), "A")
    assert (
        rows["factor8-standard"].name
        == f"{content.option('factor8-standard').name} ({t('summary.apart.not_for_you')})"
    )
    assert rows["emicizumab"].name == content.option("emicizumab").name


def test_a_row_that_gives_a_rate_on_the_option_comes_before_one_that_does_not(content):
    """Daniel is on regular factor IX: the grid's rule takes Qfitlia's and Alhemo's rows
    against prior prevention, which give no rate on the option; the card gives Qfitlia's
    rate for all the people of its trial, so the table gives that one."""
    daniel = Profile(hemophilia_type="B", current_treatment="factor9-extended", inhibitors="never")
    rows = rows_by_option(bleed_rates(content, daniel), "B")
    for option_id in ("fitusiran", "concizumab"):
        has_a_rate = [
            b for b in content.outcomes_for(option_id).bleeds if b.after is not None and b.inhibitors != "now"
        ]
        if has_a_rate:
            assert rows[option_id].outcome.after is not None, option_id
    assert rows["fitusiran"].bleeds != content.text("outcomes.rates.no_number")


def test_the_table_gives_a_rate_from_his_group_while_the_grid_keeps_his_comparison(content):
    """Review M8-3 then V9-2: the table gives only the rate on an option, so of the rows about
    people like him one with a rate comes first (Qfitlia: 3.7 a year, all 213 people); the
    grid asks how well an option prevents bleeds, so it keeps the comparison for people like
    him (Qfitlia against regular factor: about the same, no fewer bleeds)."""
    daniel = Profile(hemophilia_type="B", current_treatment="factor9-extended", inhibitors="never")
    rows = rows_by_option(bleed_rates(content, daniel), "B")
    assert rows["fitusiran"].outcome.after is not None
    grid_row = row_for(content, daniel)(content.outcomes_for("fitusiran").bleeds)
    assert grid_row.comparator == "prior_prevention"
    for profile in (
        daniel,
        Profile(hemophilia_type="A", current_treatment="emicizumab", inhibitors="now"),
        Profile(hemophilia_type="A", current_treatment="factor-on-demand"),  # has not said
    ):
        has = inhibitor_group(profile.inhibitors)
        for table in bleed_rates(content, profile).tables:
            for row in table.rows:
                bleeds = content.outcomes_for(row.option_id).bleeds
                own = [b for b in bleeds if b.inhibitors in ((None, has) if has else (None, "none"))]
                if own:
                    assert row.outcome in own, (profile, row.option_id)  # never another group's
                if any(b.after is not None for b in own):
                    assert row.outcome.after is not None, (profile, row.option_id)


def test_a_reader_with_milder_hemophilia_is_told_most_rows_count_severe_hemophilia(content):
    """Review V9-3: a woman with moderate B read 39.9 a year on her own option, from people
    with severe hemophilia, with no word of it."""
    milder = content.text("outcomes.rates.milder")
    amina = Profile(
        hemophilia_type="B", severity="moderate", sex="female", current_treatment="factor-on-demand"
    )
    assert milder in bleed_rates(content, amina).intro
    assert milder not in bleed_rates(content, Profile(hemophilia_type="B", severity="severe")).intro


def test_a_row_with_no_number_carries_no_flags(content):
    """Review V9-6: Roctavian's row, with no number, was flagged for its inhibitor group."""
    omar = Profile(hemophilia_type="A", current_treatment="emicizumab", inhibitors="now")
    roctavian = rows_by_option(bleed_rates(content, omar), "A")["roctavian"]
    assert roctavian.outcome.after is None
    assert roctavian.differs == content.text("outcomes.rates.no_number_flags")


def test_a_lead_in_row_names_the_option_its_people_switched_to_and_no_other_row_does(content):
    """Review V9-7: the factor IX row is HOPE-B's 54 men before Hemgenix, and the on-demand row
    is BASIS's 33 people before Hympavzi; only these rows may be set beside another."""
    t = content.text
    cases = [
        (
            Profile(hemophilia_type="B", current_treatment="factor-on-demand"),
            {"factor9-standard": "hemgenix", "factor-on-demand": "marstacimab"},
        ),
        # Standard factor VIII's row here is the Advate trial, not the lead-in before Hympavzi.
        (Profile(hemophilia_type="A"), {}),
    ]
    for profile, later in cases:
        rows = rows_by_option(bleed_rates(content, profile), profile.hemophilia_type)
        assert set(later) <= set(rows)
        for option_id, row in rows.items():
            if option_id in later:
                said = t("outcomes.rates.same_people", option=content.option(later[option_id]).name)
                assert said in row.about, (option_id, row.about)
            else:
                assert t("outcomes.rates.same_people", option="@").split("@")[0] not in row.about, option_id


def test_a_late_start_and_an_early_report_are_each_said(content):
    """Review M8-6: Hemgenix counts from month 7; Qfitlia's is an early report of a study still
    going on. Hympavzi's and Hemlibra's rates are neither, and say neither. (A flag for rates
    worked out by a model was dropped, review V11-1: most trials' rates are such estimates,
    and flagging the few whose notes said so steered against them.)"""
    t = content.text
    late = t("outcomes.rates.flag.counted_from", start="month 7 after the drip")
    early = t("outcomes.rates.flag.early_report")
    b = rows_by_option(bleed_rates(content, Profile(hemophilia_type="B")), "B")
    a = rows_by_option(bleed_rates(content, Profile(hemophilia_type="A")), "A")
    assert late in b["hemgenix"].differs and early not in b["hemgenix"].differs
    assert early in b["fitusiran"].differs and late not in b["fitusiran"].differs
    for row in (b["marstacimab"], a["emicizumab"]):
        assert late not in row.differs and early not in row.differs, row.option_id


def test_an_option_over_one_of_his_limits_says_so_beside_its_name(content):
    """Review M8-9: the grid's left-out line said so; the table did not."""
    from decisionaid.domain.option_grid import limit_crossers
    from decisionaid.domain.session import Session

    ray = Session(
        profile=Profile(hemophilia_type="A", current_treatment="emicizumab"), hard_limits=["cannot_undo"]
    )
    crossing = limit_crossers(content, ray)
    assert "roctavian" in crossing
    rows = rows_by_option(bleed_rates(content, ray.profile, crossing), "A")
    mark = content.text("outcomes.rates.crosses_limit")
    assert mark in rows["roctavian"].name
    assert {o for o, row in rows.items() if mark in row.name} == crossing & set(rows)
    assert mark not in rows_by_option(bleed_rates(content, ray.profile), "A")["roctavian"].name


def test_the_limits_of_a_before_and_after_comparison_are_said_above_every_table(content):
    """Reviews V11-2, V12-1: said once for every row that compares the same people before and
    after (Hemgenix, Hympavzi, Advate ...), not on the lead-in rows only, and which way they
    push the number."""
    for profile in (Profile(hemophilia_type="A"), Profile(hemophilia_type="B"), Profile()):
        intro = bleed_rates(content, profile).intro
        assert "No group was picked by chance" in intro
        assert "make the drop look bigger than it is" in intro
