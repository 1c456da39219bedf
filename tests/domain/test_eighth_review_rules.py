"""Review R8 of issue 14's tailoring (a skipped type, the harm rows about inhibitors), each
finding a rule on the shipped content: undo the fix and its test fails."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.outcomes import harms_in_order, inhibitor_group
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.domain.tailoring import flag_notes


def test_the_apcc_risk_is_not_given_as_a_lower_bound_over_everyone_in_the_trials(content):
    """R8-1: "at least 5 in 401" read as the aPCC risk, about ten times too low for the man
    with an inhibitor it is shown to first. With no count read, the row says only that the
    risk was above the rate over all 401, and gives no number of its own."""
    rows = [h for h in content.outcomes_for("emicizumab").harms if h.not_reported and h.inhibitors == "now"]
    assert rows, "no row for people with inhibitors given aPCC"
    for harm in rows:
        assert "at least" not in harm.note
        assert "5 in 401" not in harm.note
        assert "well above" in harm.note


@pytest.mark.parametrize("option_id", ["factor8-standard", "factor8-extended"])
def test_a_man_who_had_an_inhibitor_reads_no_rate_for_people_already_treated_without_its_caveat(
    content, option_id
):
    """R8-2: "fewer than 1 in 100" is the rate for people already treated; the Advate leaflet
    says it may be higher after an inhibitor, and the Elocta leaflet does not say."""
    harms = content.outcomes_for(option_id).harms
    first = harms_in_order(harms, inhibitor_group("past"))[0]
    if "already treated" in first.harm:
        assert first.note and "inhibitors before" in first.note
    # Tagged for people without an inhibitor now, so it is not the first row for a man with one.
    for harm in harms:
        if "already treated" in harm.harm:
            assert harm.inhibitors == "none"


def test_a_skipped_type_prints_as_not_answered_in_the_summary(content):
    """R8-3: the fit waits for the type, so the clinician must see that it was never given."""
    summary = build_summary(content, Session(), dt.date(2026, 12, 1), "test")
    lines = {line.label: line.value for line in summary.profile}
    assert lines[content.text("profile.q.hemophilia_type")] == content.text("summary.not_answered")


def test_a_skipped_type_gets_the_type_note_with_its_own_reason(content):
    """R8-3: the note and its question ("Which type of hemophilia do I have?") are the way to a fit."""
    notes = {n.flag.id: n for n in flag_notes(content, Profile())}
    assert "type_unknown" in notes
    assert notes["type_unknown"].reason == content.text("flag_reason.type_not_answered")
    assert "not sure" not in notes["type_unknown"].flag.title.lower()


def test_with_the_type_skipped_his_own_product_waits_without_doubt_cast_on_it(content):
    """R8-6: "the fit cannot tell if it is for you" was said of the product he uses now."""
    from decisionaid.domain.eligibility import TYPE_UNKNOWN_YOURS_KEY, standing
    from decisionaid.domain.option_grid import option_grid

    profile = Profile(current_treatment="factor9-extended")
    _, apart = standing(content, profile)
    own = next(a for a in apart if a.option_id == "factor9-extended")
    # First: a factor IX product then says which type it is for (review R9-10).
    assert own.reasons[0] == content.text(TYPE_UNKNOWN_YOURS_KEY)
    others = [a for a in apart if a.option_id not in ("factor9-extended", "current")]
    assert others and all(a.reasons != own.reasons for a in others)
    # The grid's licence row of his own product says it is his, not the type reason.
    grid = option_grid(content, Session(profile=profile))
    column = [c.option_id for c in grid.columns].index("factor9-extended")
    licence = next(r for r in grid.rows if r.question == content.text("grid.row.licence"))
    assert licence.cells[column].text == content.text("grid.licence.yours")
