"""Review R9 of the factor cards and the harm rows about inhibitors, each finding a rule on
the shipped content: undo the fix and its test fails."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.figures import icon_arrays_for
from decisionaid.domain.outcome_view import outcome_view
from decisionaid.domain.outcomes import harms_in_order, inhibitor_group
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary

HEMLIBRA_CLOTS = "emicizumab-tma-clots"


def _hemlibra_pictures(content, group):
    card = [v.id for v in icon_arrays_for(content, "emicizumab", group)]
    view = outcome_view(content, content.option("emicizumab"), group=group)
    table = [h.icon_array for h in view.harms if h.icon_array]
    return card, table


def test_a_man_with_an_inhibitor_now_is_not_shown_the_all_trial_hemlibra_clot_picture(content):
    """R9-2: the 1 in 100 picture counts everyone in the trials; for a man who may be given
    aPCC it would be his only picture of a risk the text says was well above that."""
    card, table = _hemlibra_pictures(content, "now")
    assert HEMLIBRA_CLOTS not in card
    assert HEMLIBRA_CLOTS not in table
    profile = Profile(hemophilia_type="A", severity="severe", inhibitors="now", age_group="18_to_64")
    summary = build_summary(content, Session(profile=profile), dt.date(2026, 12, 1), "test")
    assert all(p.view.id != HEMLIBRA_CLOTS for p in summary.harm_pictures)


@pytest.mark.parametrize("answer", ["never", "past", None])
def test_people_without_an_inhibitor_now_still_see_the_hemlibra_clot_picture(content, answer):
    """R9-2: the picture stays for everyone it describes fairly (and for a skipped answer)."""
    card, table = _hemlibra_pictures(content, inhibitor_group(answer))
    assert HEMLIBRA_CLOTS in card
    assert HEMLIBRA_CLOTS in table


def test_the_hemlibra_clot_picture_says_it_counts_everyone_and_that_apcc_users_had_more(content):
    """R9-2: a reader who skipped the inhibitor question sees it, so its caption says whom it
    counts and that the risk with aPCC was higher than the picture shows."""
    array = next(a for a in content.figures.icon_arrays if a.id == HEMLIBRA_CLOTS)
    assert "now" in array.left_out_for
    assert "everyone" in array.denominator.lower()
    assert "higher than this picture" in (array.note or "")


def test_a_man_who_had_a_factor_ix_inhibitor_reads_the_alprolix_leaflet_caveat_first(content):
    """R9-3: "none of 63" from another product reassured the man the Alprolix leaflet warns:
    a past factor IX inhibitor may raise the risk of a severe allergic reaction. The row is
    tagged as the factor VIII rows are (R8-2), and carries that caveat."""
    harms = content.outcomes_for("factor9-extended").harms
    treated = [h for h in harms if "already treated" in h.harm]
    assert treated and all(h.inhibitors == "none" for h in treated)
    first = harms_in_order(harms, inhibitor_group("past"))[0]
    assert first in treated
    assert "ema-alprolix" in first.sources
    assert "inhibitor before" in first.note and "allergic reaction" in first.note


def test_the_long_acting_factor_ix_inhibitor_row_is_from_alprolix_own_study(content):
    """R9-3 (and R7-7): the card is scored on Alprolix, so its inhibitor row is B-YOND, the
    long study of Alprolix (abstract: no inhibitors in 116), not another product's trial."""
    row = next(h for h in content.outcomes_for("factor9-extended").harms if "already treated" in h.harm)
    assert (row.count, row.people) == (0, 116)
    assert "byond-2017" in row.sources and "rixfp-2016" not in row.sources
    assert row.icon_array is None  # review M6-1: none in 116 is said in words, not drawn


@pytest.mark.parametrize("option_id", ["factor8-extended", "factor9-extended"])
def test_no_factor_card_bar_on_the_gauge_rests_on_a_news_source(content, option_id):
    """R9-4: the long-acting factor VIII bar's 4% came from a news brief about children and was
    drawn as "measured in a trial"; a picture a patient compares with gene therapy must not."""
    level = content.option(option_id).factor_level
    assert level is not None
    assert all(content.sources[s].kind != "news" for s in level.sources)
    assert "news" not in level.note.lower()


def test_the_long_acting_factor_viii_bar_is_the_trough_elocta_was_dosed_to_and_says_so(content):
    """R9-4: Elocta's main trial set doses to aim for a low point of 1% to 3% (ASH 2015 abstract
    of A-LONG and ASPIRE); its leaflet gives no level. So the bar is that aim, drawn as an aim,
    and the weekly product's levels are named as that product's in the note."""
    level = content.option("factor8-extended").factor_level
    assert (level.low, level.high) == (1, 3)
    assert "along-aspire-2015" in level.sources
    gauge = next(g for g in content.figures.gauge if g.option == "factor8-extended")
    assert gauge.kind == "aim"
    assert "efanesoctocog alfa" in level.note


def test_the_long_acting_factor_viii_card_says_what_its_trial_sources_say(content):
    """R9-6: the body quoted news ("in or near the normal range"; the abstract says above 40%),
    a harm called a 159-person trial "small", a benefit said "the same people" of a comparison
    whose size we could not read, and the notes said the XTEND-1 abstract was not read."""
    option = content.option("factor8-extended")
    assert "normal range" not in option.body.patient
    assert "above 40%" in option.body.patient
    assert not any("small" in h.text for h in option.harms)
    assert not any("The same people" in b.text for b in option.benefits)
    assert "was not read, so the numbers are attributed to news" not in (option.body.clinician or "")


@pytest.mark.parametrize(
    ("option_id", "kind", "words"),
    [("factor9-extended", "B", "inhibitor before"), ("factor8-standard", "A", "inhibitors before")],
)
def test_the_grid_gives_a_man_who_had_an_inhibitor_the_caveat_beside_the_rate(
    content, option_id, kind, words
):
    """R9-3: the grid's harm cell was the whole picture for a man on Alprolix, and it gave
    "none of ..." without the leaflet's warning after a past inhibitor."""
    from decisionaid.domain.option_grid import option_grid

    profile = Profile(hemophilia_type=kind, severity="severe", inhibitors="past", current_treatment=option_id)
    grid = option_grid(content, Session(profile=profile))
    column = [c.option_id for c in grid.columns].index(option_id)
    harms = next(r for r in grid.rows if r.question == content.text("grid.row.harms"))
    assert words in harms.cells[column].text
    # A man who never had one reads the rate without it, as before.
    never = option_grid(content, Session(profile=profile.model_copy(update={"inhibitors": "never"})))
    harms = next(r for r in never.rows if r.question == content.text("grid.row.harms"))
    assert words not in harms.cells[column].text


def test_the_trials_that_took_factor_ix_up_to_2_percent_say_so(content):
    """R9-11: B-LONG and BASIS took people with factor IX of 2% or less (severe or moderately
    severe), not only severe; a reader at 1% to 2% should see that he was among them."""
    blong = next(b for b in content.outcomes_for("factor9-extended").bleeds if "B-LONG" in b.study)
    assert "2% or less" in blong.who
    assert "2% or less" in content.option("factor9-extended").attributes["bleed_protection"].reason
    basis = content.outcomes_for("factor-on-demand").bleeds[0]
    assert "severe hemophilia A or B" not in basis.who
    assert "2% or less" in basis.who


def test_a_comparison_with_another_small_group_steps_the_certainty_down(content):
    """R9-8: A-LONG's change rests on an on-demand group of 23 people, so the rule (fewer than
    50 counted: one step down) gives very low, as for B-LONG; the smaller group counts."""
    from decisionaid.domain.outcomes import certainty_level

    assert certainty_level("external_groups", 118, True, comparator_people=23) == "very_low"
    assert certainty_level("external_groups", 118, True, comparator_people=60) == "low"
    along = next(b for b in content.outcomes_for("factor8-extended").bleeds if "A-LONG" in b.study)
    assert along.comparator_people == 23
    assert along.certainty.level == along.rule_level == "very_low"
    assert "23" in along.certainty.why


def test_a_change_not_worked_out_for_groups_not_drawn_by_chance_says_so_and_names_the_group(content):
    """R9-7: "not reported in a source we could read" implied missing data where the change
    was left out on purpose; and B-LONG's row had no group name beside HOPE-B's."""
    from decisionaid.domain.outcome_view import bleed_view

    for option_id in ("factor8-extended", "factor9-extended"):
        row = next(b for b in content.outcomes_for(option_id).bleeds if b.design == "external_groups")
        change = dict((line.label, line.value) for line in bleed_view(content, row).lines)
        assert change[content.text("outcomes.row.change")] == content.text("outcomes.change.not_fair")
    blong = next(b for b in content.outcomes_for("factor9-extended").bleeds if "B-LONG" in b.study)
    assert blong.group


def test_the_advate_row_says_how_many_were_in_each_randomised_group(content):
    """R9-9: the card's centre (1.0 a year every other day) is from 32 people, not the 66 the
    text implied; the Cochrane review's study table gives 32 and 34."""
    row = next(b for b in content.outcomes_for("factor8-standard").bleeds if "Advate" in b.study)
    assert "32" in row.note and "34" in row.note
    assert "cochrane-prophylaxis-2021" in row.sources
    assert content.sources["cochrane-prophylaxis-2021"].kind == "systematic-review"


def test_module_05_gives_the_bleed_results_of_the_factor_products_the_cards_score(content):
    """R9-12 (and R7-8): the module quoted only the best-case factor results (weekly
    efanesoctocog, Idelvion) and none of the products the cards are scored on."""
    module = next(m for m in content.modules if m.id == "other-options")
    factor = module.body.patient.split("### Emicizumab")[0]
    for product, middle in (("Advate", "about 1 bleed"), ("Elocta", "1.6"), ("Alprolix", "about 3")):
        assert product in factor and middle in factor
    assert "middle value" in factor
