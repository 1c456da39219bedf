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


def test_the_long_acting_factor_ix_inhibitor_row_and_picture_are_from_alprolix_own_study(content):
    """R9-3 (and R7-7): the card is scored on Alprolix, so its inhibitor row is B-YOND, the
    long study of Alprolix (abstract: no inhibitors in 116), not another product's trial."""
    row = next(h for h in content.outcomes_for("factor9-extended").harms if "already treated" in h.harm)
    assert (row.count, row.people) == (0, 116)
    assert "byond-2017" in row.sources and "rixfp-2016" not in row.sources
    array = next(a for a in content.figures.icon_arrays if a.id == row.icon_array)
    assert "116" in array.denominator and "byond-2017" in array.sources
    assert "rixfp-2016" not in array.sources
