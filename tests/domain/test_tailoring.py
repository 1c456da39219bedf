"""Tailoring: type filters options; every other answer becomes a note with its reason."""

from __future__ import annotations

import pytest

from decisionaid.domain.session import Profile
from decisionaid.domain.tailoring import flag_notes, options_for
from decisionaid.loader import load_content


@pytest.fixture(scope="module")
def content():
    from decisionaid import locations

    return load_content(locations.locale_root("en"))


def ids(options):
    return {o.id for o in options}


def test_type_a_sees_a_and_both_options_only(content):
    shown = ids(options_for(content, Profile(hemophilia_type="A")))
    assert "roctavian" in shown and "emicizumab" in shown and "current" in shown
    assert "hemgenix" not in shown


def test_not_sure_of_the_type_shows_both(content):
    assert ids(options_for(content, Profile(hemophilia_type="not_sure"))) == ids(content.options)
    assert ids(options_for(content, Profile())) == ids(content.options)


@pytest.mark.parametrize(
    ("answers", "flag"),
    [
        ({"age_group": "under_18"}, "under_18"),
        ({"inhibitors": "past"}, "inhibitors"),
        ({"inhibitors": "not_sure"}, "inhibitors"),
        ({"liver_problems": "yes"}, "liver_disease"),
        ({"aav_antibodies": "positive"}, "aav_antibodies"),
        ({"plans_for_children": "yes"}, "plans_for_children"),
        ({"alcohol": "most_days"}, "alcohol_use"),
    ],
)
def test_an_answer_raises_its_care_team_note_with_a_reason(content, answers, flag):
    notes = {n.flag.id: n for n in flag_notes(content, Profile(hemophilia_type="B", **answers))}
    assert flag in notes
    assert notes[flag].reason and not notes[flag].reason.startswith("flag_reason.")
    assert notes[flag].option_ids


def test_no_answers_raise_no_notes_but_the_withdrawn_product(content):
    notes = {n.flag.id: n.option_ids for n in flag_notes(content, Profile(hemophilia_type="B"))}
    assert notes == {"withdrawn": ("beqvez",)}


def test_a_note_never_hides_an_option(content):
    worried = Profile(hemophilia_type="A", age_group="under_18", inhibitors="now", liver_problems="yes")
    assert ids(options_for(content, worried)) == ids(options_for(content, Profile(hemophilia_type="A")))


def test_notes_touch_only_the_options_shown(content):
    for note in flag_notes(content, Profile(hemophilia_type="A", liver_problems="yes", alcohol="sometimes")):
        assert "hemgenix" not in note.option_ids
