"""The fourth methodologist review's M4-1 and M4-10 and the eighth review's R8-11, each as a
rule on the shipped content: a person with an inhibitor now reads every bleed score on one
footing, Hemlibra's clot reason says the boxed warning is about him, and an option this aid
holds no licence for where he lives says so on its band."""

from __future__ import annotations

import pytest

from decisionaid.domain.content import AttributeScore, Option
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.fit_summary import fit_view
from decisionaid.domain.session import Profile, Session

LEVEL_STEP = 0.25
"""One level of the bleed rubric (attributes.yaml: 0, 0.25, 0.5, 0.75, 1)."""

WITH_AN_INHIBITOR_NOW = [
    Profile(hemophilia_type="A", severity="severe", inhibitors="now", current_treatment="emicizumab"),
    Profile(
        hemophilia_type="A", severity="severe", inhibitors="now", current_treatment="emicizumab", region="eu"
    ),
    Profile(hemophilia_type="A", severity="severe", inhibitors="now"),
    Profile(hemophilia_type="B", severity="severe", inhibitors="now"),
]


def _from_his_own_group(general: AttributeScore, used: AttributeScore) -> bool:
    """Whether the score he reads is a variant resting on another source than the general one:
    a trial of people like him (Alhemo's explorer7), not the pooled figure worded again."""
    return used != general and used.source != general.source


@pytest.mark.parametrize("profile", WITH_AN_INHIBITOR_NOW, ids=lambda p: f"{p.hemophilia_type}-{p.region}")
def test_with_an_inhibitor_now_each_bleed_score_is_from_his_group_or_reaches_a_level_below(content, profile):
    # Review M4-1: Alhemo was scored on people with inhibitors, Hemlibra on HAVEN 1-4 pooled
    # (with and without), so the two tied and Alhemo could never come first. The rubric's
    # range rule: a figure that pools his group with others reaches at least one level lower.
    options, _, _ = fit_options(content, profile)
    assert options, profile
    problems = []
    for option in options:
        used = option.attributes["bleed_protection"]
        general = content.option(option.id).attributes["bleed_protection"]
        if _from_his_own_group(general, used):
            continue
        if used.lowest > used.score - LEVEL_STEP:
            problems.append(f"{option.id}: {used.lowest}-{used.highest} around {used.score}")
    assert problems == []


def _hemlibra(content, **answers) -> Option:
    options, _, _ = fit_options(content, Profile(hemophilia_type="A", **answers))
    return next(o for o in options if o.id == "emicizumab")


def test_hemlibras_bleed_score_for_a_man_with_an_inhibitor_says_the_figure_pools_both_groups(content):
    score = _hemlibra(content, inhibitors="now").attributes["bleed_protection"]
    general = content.option("emicizumab").attributes["bleed_protection"]
    assert score.score == general.score  # the central figure is the one read
    assert score.lowest == general.score - LEVEL_STEP
    assert "with and without inhibitors" in score.reason
    assert "did not read the result of the main trial in adults and teens with inhibitors" in score.reason


@pytest.mark.parametrize("inhibitors", ["never", "past", "not_sure", None])
def test_without_an_inhibitor_now_hemlibra_keeps_its_general_bleed_and_clot_scores(content, inhibitors):
    hemlibra = _hemlibra(content, inhibitors=inhibitors)
    for attribute in ("bleed_protection", "clot_risk"):
        assert hemlibra.attributes[attribute] == content.option("emicizumab").attributes[attribute]


def test_hemlibras_clot_reason_for_a_man_with_an_inhibitor_says_the_boxed_warning_is_about_him(content):
    # Review R8-11: the boxed warning concerns people who are also given aPCC, and only a
    # person with an inhibitor is given aPCC; the score is the rubric's (the label's words).
    score = _hemlibra(content, inhibitors="now").attributes["clot_risk"]
    general = content.option("emicizumab").attributes["clot_risk"]
    assert score.reason != general.reason
    assert "you have an inhibitor" in score.reason.lower()
    assert "aPCC" in score.reason and "boxed warning" in score.reason
    assert score.source == "fda-hemlibra"
    # The central score is the label's level; since review M5-7 its range reaches a level
    # lower for him (the next test), and the reason says why.
    assert (score.score, score.highest) == (general.score, general.highest)
    assert "one level lower" in score.reason
    # Without an inhibitor he reads who aPCC is for.
    assert "inhibitor" in general.reason


WITH_ANOTHER_MEDICINE = "a warning when used with another medicine"
"""The clot rubric's level whose warning needs another medicine (attributes.yaml)."""


@pytest.mark.parametrize("profile", WITH_AN_INHIBITOR_NOW, ids=lambda p: f"{p.hemophilia_type}-{p.region}")
def test_with_an_inhibitor_now_a_clot_warning_about_another_medicine_reaches_a_level_below(content, profile):
    # Review M5-7, the symmetry of M4-1 on clots: a warning "when used with another
    # medicine" is likely to apply to him when that medicine (aPCC) is given to his group,
    # so the score's range reaches one level lower for him, never the same point as for all.
    rubric = next(a for a in content.attributes if a.id == "clot_risk").rubric
    level = next(lv.score for lv in rubric.levels if lv.short == WITH_ANOTHER_MEDICINE)
    options, _, _ = fit_options(content, profile)
    at_level = [o for o in options if o.attributes["clot_risk"].score == level]
    for option in at_level:
        assert option.attributes["clot_risk"].lowest <= level - LEVEL_STEP, option.id
    if profile.hemophilia_type == "A":
        assert "emicizumab" in {o.id for o in at_level}


# --- M4-10: no licence line where he lives, said on the band ---------------------------


def _session(content, **answers) -> Session:
    return Session(profile=Profile(**answers), importance={a.id: 3 for a in content.attributes})


def _notes_on_bands(content, session: Session) -> dict[str, str]:
    return {line.option_id: line.status_note or "" for line in fit_view(content, session).fits}


def test_in_the_eu_qfitlias_band_says_no_licence_was_found_where_he_lives(content):
    omar = _session(
        content,
        hemophilia_type="A",
        severity="severe",
        inhibitors="now",
        current_treatment="emicizumab",
        region="eu",
    )
    bands = _notes_on_bands(content, omar)
    said = content.text(
        "summary.no_licence_here", option="Qfitlia", region=content.text("profile.a.region.eu")
    )
    assert said in bands["fitusiran"]
    assert "No licence found where you live" in said
    # An option with an EU licence line, and the product he uses now, carry no such line.
    assert "No licence found" not in bands["emicizumab"]


def test_the_no_licence_line_needs_a_region_this_aid_holds_licences_for(content):
    for region in (None, "other", "us"):
        bands = _notes_on_bands(content, _session(content, hemophilia_type="B", region=region))
        assert "No licence found" not in bands["fitusiran"], region


def test_his_own_product_never_reads_no_licence_found(content):
    amina = _session(content, hemophilia_type="B", region="eu", current_treatment="fitusiran")
    assert "No licence found" not in _notes_on_bands(content, amina)["fitusiran"]


def test_no_licence_found_is_said_only_where_the_sources_read_showed_none(content):
    # An option with no licence line for a region nobody looked in (factor in the US) is
    # "not known" (the care-team note says so), not "none found" (the band would alarm).
    us = _notes_on_bands(content, _session(content, hemophilia_type="A", region="us"))
    assert not [o for o, note in us.items() if "No licence found" in note]
    uk = _notes_on_bands(content, _session(content, hemophilia_type="B", region="uk"))
    assert [o for o, note in uk.items() if "No licence found" in note] == ["fitusiran"]


def test_a_region_cannot_be_both_licensed_and_have_no_licence_found(content):
    from pydantic import ValidationError

    qfitlia = content.option("fitusiran")
    with pytest.raises(ValidationError, match="both a licence line and no licence found: us"):
        type(qfitlia).model_validate({**qfitlia.model_dump(), "no_licence_found": ["us"]})
