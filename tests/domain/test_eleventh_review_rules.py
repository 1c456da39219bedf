"""Review R11 (a haemophilia consultant's check of the harm pictures and harm certainty):
each finding a rule on the shipped content, so undoing the fix makes its test fail."""

from __future__ import annotations

from decisionaid.domain.outcome_view import outcome_view
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.domain.session import Profile


def _pictures(content, option_id: str, profile: Profile) -> set[str]:
    view = outcome_view(
        content, content.option(option_id), group=inhibitor_group(profile.inhibitors), reader=profile
    )
    return {h.icon_array for h in view.harms if h.icon_array}


def test_the_joint_damage_pictures_of_young_boys_with_severe_a_are_not_shown_for_milder_hemophilia(content):
    """R11-1: a woman with moderate hemophilia B who treats only bleeds was shown "45 in 100"
    from boys under 30 months with severe A; the rows stay, in words, for her."""
    pictures = {"on-demand-joint-damage", "prevention-joint-damage"}
    amina = Profile(
        hemophilia_type="B", severity="moderate", sex="female", current_treatment="factor-on-demand"
    )
    assert _pictures(content, "factor-on-demand", amina) & pictures == set()
    severe = amina.model_copy(update={"severity": "severe", "sex": "male"})
    assert _pictures(content, "factor-on-demand", severe) >= pictures
    unsure = amina.model_copy(update={"severity": "not_sure"})
    assert _pictures(content, "factor-on-demand", unsure) >= pictures  # "not sure" never hides
    harms = outcome_view(content, content.option("factor-on-demand"), reader=amina).harms
    assert any("Joint damage" in h.harm for h in harms)


def test_no_reader_is_shown_a_picture_of_a_harm_no_one_in_the_trial_had(content):
    """R11-4 and R11-7 hid the factor VIII zero pictures from a man with mild A or a past
    inhibitor; review M6-1 then took every zero-event picture out, for every reader: "none of
    66", with its upper limit, is said in words."""
    for severity in ("severe", "mild"):
        for inhibitors in ("never", "past"):
            reader = Profile(hemophilia_type="A", severity=severity, inhibitors=inhibitors)
            for option_id in ("factor8-standard", "factor8-extended"):
                assert _pictures(content, option_id, reader) == set(), (option_id, severity, inhibitors)
            harms = outcome_view(content, content.option("factor8-standard"), reader=reader).harms
            assert any(h.value.startswith("None of 66 people.") for h in harms)


def test_a_picture_left_out_for_an_answer_no_one_can_give_is_refused(content_copy):
    from decisionaid.loader import read_content

    root = content_copy()
    figures = root / "figures.yaml"
    text = figures.read_text()
    planted = "  - id: alpha-outcome\n    option: alpha\n"
    assert planted in text
    figures.write_text(text.replace(planted, planted + "    left_out_when: [{severity: [very]}]\n", 1))
    _, problems = read_content(root, reading_grades=False)
    message = "icon_arrays[0].left_out_when[0].severity: 'very' is not an answer to severity"
    assert any(message in str(p) for p in problems), problems


def test_a_woman_outside_the_eu_is_told_the_hemgenix_reason_is_the_eu_labels_and_the_us_one_was_not_read(
    content,
):
    """Fifth methods review M5-9: a woman in the US read only "The EU label does not advise it"."""
    from decisionaid.domain.eligibility import standing

    woman = Profile(
        hemophilia_type="B", severity="severe", sex="female", pregnancy_possible="yes", region="us"
    )
    _, apart = standing(content, woman)
    hemgenix = next(a for a in apart if a.option_id == "hemgenix")
    assert any("EU label" in r and "US one" in r for r in hemgenix.reasons), hemgenix.reasons


def test_the_hemgenix_gauge_bar_rests_on_the_trial_not_on_news(content):
    """R11 (issue 15, R13b): no number on the gauge rests on a news source."""
    for option in content.options:
        level = option.factor_level
        if level is not None and (level.low or level.high):
            kinds = {content.sources[s].kind for s in level.sources}
            assert kinds & {"label", "trial", "guideline", "hta", "systematic-review"}, option.id
            assert "news" not in kinds, option.id


def test_a_man_with_mild_a_reads_the_inhibitor_risk_of_milder_hemophilia_first_and_in_his_fit(content):
    """R12-1: he read "fewer than 1 in 100 ... more than 99 in 100 do not" in the fit reasons
    of all three factor options, and the INSIGHT row came last on two cards only."""
    from decisionaid.domain.eligibility import for_person

    mild = Profile(
        hemophilia_type="A", severity="mild", inhibitors="never", current_treatment="factor-on-demand"
    )
    severe = mild.model_copy(update={"severity": "severe"})
    for option_id in ("factor8-standard", "factor8-extended", "factor-on-demand"):
        first = outcome_view(content, content.option(option_id), reader=mild).harms[0]
        assert first.harm == "Inhibitors in people with mild or moderate hemophilia A", option_id
        assert outcome_view(content, content.option(option_id), reader=severe).harms[0].harm != first.harm
        reason = for_person(content.option(option_id), mild).attributes["serious_side_effects"].reason
        assert "13 in 100 by their 100th" in reason and "99 in 100 do not" not in reason, option_id
        assert (
            "99 in 100"
            in for_person(content.option(option_id), severe).attributes["serious_side_effects"].reason
        )


def test_hemlibra_is_not_for_a_man_with_mild_a_and_no_inhibitor_in_the_uk(content):
    """R12-2: the UK SmPC (4.1) has the EU's indication; he saw Hemlibra first in his fit."""
    from decisionaid.domain.eligibility import standing

    uk = Profile(hemophilia_type="A", severity="mild", inhibitors="never", region="uk")
    _, apart = standing(content, uk)
    assert any(a.option_id == "emicizumab" and a.standing == "not_for_you" for a in apart)
    us = uk.model_copy(update={"region": "us"})
    assert not any(a.option_id == "emicizumab" for a in standing(content, us)[1])


def test_the_rate_in_milder_hemophilia_a_is_not_in_the_on_demand_table_of_a_reader_with_b(content):
    """V7-3: `first_when` only reordered; the row about mild or moderate A reached a woman with B."""
    row = "Inhibitors in people with mild or moderate hemophilia A"
    amina = Profile(
        hemophilia_type="B", severity="moderate", sex="female", current_treatment="factor-on-demand"
    )
    assert row not in [
        h.harm for h in outcome_view(content, content.option("factor-on-demand"), reader=amina).harms
    ]
    mild_a = amina.model_copy(update={"hemophilia_type": "A", "sex": "male"})
    assert outcome_view(content, content.option("factor-on-demand"), reader=mild_a).harms[0].harm == row


def test_the_card_lines_about_inhibitors_give_the_rate_in_milder_hemophilia_a_too(content):
    """V7-2: the cards' lines, read by every reader, said only "fewer than 1 in 100" or
    "mostly in small children"; they now say the rate in mild or moderate hemophilia A."""
    for option_id in ("factor8-standard", "factor8-extended", "factor-on-demand"):
        option = content.option(option_id)
        lines = [s.text for s in [*option.benefits, *option.harms] if "nhibitors" in s.text]
        assert lines and any("13 in 100" in line for line in lines), option_id
