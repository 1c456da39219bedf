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
