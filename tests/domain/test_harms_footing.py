"""Harms on the reader's footing (fourth methods review M4-3 and M4-4): the harm about
people like the reader comes first, in the option grid, the outcome tables and the
summary; and the factor VIII inhibitor row opens with people already treated."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.option_grid import ROWS, option_grid
from decisionaid.domain.outcomes import Certainty, HarmOutcome, harms_in_order, inhibitor_group
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary

TODAY = dt.date(2026, 12, 1)


SURE = Certainty(level="very_low", why="no count we could read")


def _harm(name: str, inhibitors: str | None = None) -> HarmOutcome:
    return HarmOutcome(
        harm=name,
        inhibitors=inhibitors,
        not_reported=True,
        who="people",
        time_frame="a year",
        certainty=SURE,
        sources=["S"],
    )


def _apcc_row(content) -> HarmOutcome:
    """Hemlibra's harm about people with inhibitors (the risk with aPCC)."""
    rows = [h for h in content.outcomes_for("emicizumab").harms if h.inhibitors == "now"]
    assert len(rows) == 1, "Hemlibra needs exactly one harm row about people with inhibitors"
    return rows[0]


def _hemlibra_harms(content, inhibitors: str) -> list[str]:
    profile = Profile(hemophilia_type="A", inhibitors=inhibitors, current_treatment="factor8-standard")
    summary = build_summary(content, Session(profile=profile, compare_picks=["emicizumab"]), TODAY, "t")
    view = next(v for v in summary.outcomes if v.option_id == "emicizumab")
    return [h.harm for h in view.harms]


def test_harms_about_the_readers_group_come_first_and_the_other_groups_last():
    everyone, theirs, other = _harm("all"), _harm("with", "now"), _harm("without", "none")
    rows = [everyone, other, theirs]
    assert harms_in_order(rows, "now") == [theirs, everyone, other]
    assert harms_in_order(rows, "none") == [other, everyone, theirs]


def test_a_reader_whose_inhibitor_status_is_not_known_keeps_the_contents_order():
    rows = [_harm("all"), _harm("with", "now"), _harm("without", "none")]
    for answer in (None, "not_sure"):
        assert harms_in_order(rows, inhibitor_group(answer)) == rows


def test_a_man_with_an_inhibitor_reads_hemlibras_risk_with_apcc_first(content):
    # M4-4: he may be given aPCC for a bleed; the rate over all 401 people is not his.
    assert _hemlibra_harms(content, "now")[0] == _apcc_row(content).harm


@pytest.mark.parametrize("inhibitors", ["never", "past"])
def test_a_man_without_an_inhibitor_reads_the_apcc_row_last(content, inhibitors):
    # He would not be given aPCC; the rate over everyone in the trials comes first for him.
    harms = _hemlibra_harms(content, inhibitors)
    assert harms[-1] == _apcc_row(content).harm
    assert harms[0] != _apcc_row(content).harm


def test_the_grid_shows_a_man_with_an_inhibitor_the_apcc_harm_of_hemlibra(content):
    profile = Profile(hemophilia_type="A", inhibitors="now", current_treatment="factor8-standard")
    grid = option_grid(content, Session(profile=profile, compare_picks=["emicizumab"]))
    column = [c.option_id for c in grid.columns].index("emicizumab")
    cell = grid.rows[ROWS.index("harms")].cells[column]
    assert cell.text.startswith(_apcc_row(content).harm)


def test_the_apcc_row_says_it_has_no_count_of_its_own_rather_than_the_401_rate(content):
    # The label's count among people given aPCC could not be read: no number is made up.
    row = _apcc_row(content)
    assert row.not_reported and row.count is None and row.icon_array is None
    assert "fda-hemlibra" in row.sources


@pytest.mark.parametrize("option_id", ["factor8-standard", "factor8-extended"])
def test_the_factor_viii_inhibitor_rows_open_with_people_already_treated(content, option_id):
    # M4-3: adults reading this aid first met the rate in children never treated (1 in 10).
    harms = content.outcomes_for(option_id).harms
    assert "already treated" in harms[0].harm
    # The rows on people already treated (the leaflet's band, then the product's own trial
    # count with its picture: review M4-3, branch harmpics) all come before the children's.
    children = next(i for i, h in enumerate(harms) if "never had" in h.harm)
    assert children >= 1 and all("already treated" in h.harm for h in harms[:children])
