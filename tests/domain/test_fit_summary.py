"""The fit as the summary shows it: bands with intervals, the grid, contrasts, the options apart."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from decisionaid.domain.fit import fit
from decisionaid.domain.fit_summary import fit_view
from decisionaid.domain.references import citation_line
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from tests.domain import fit_factories as f
from tests.domain.fit_factories import not_for, option

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"
TODAY = dt.date(2026, 12, 1)


def all_rated(content, step: int = 3, **profile) -> Session:
    return Session(
        profile=Profile(**profile),
        importance={a.id: step for a in content.attributes},
    )


def summarise(content, session: Session):
    return build_summary(content, session, TODAY, "0.1.0")


def test_what_he_uses_now_is_its_own_product_marked_once_and_never_a_separate_stay_line(content):
    s = all_rated(content, hemophilia_type="A", current_treatment="emicizumab")
    summary = summarise(content, s)
    marked = [f for f in summary.fits if f.uses_now]
    assert [f.option for f in marked] == [content.option("emicizumab").name]
    assert content.option("current").name not in [f.option for f in summary.fits]


def test_each_fit_is_a_band_with_a_whole_number_interval_never_a_decimal(content):
    summary = summarise(content, all_rated(content, hemophilia_type="B"))
    assert summary.fit_available and summary.fits
    for line in summary.fits:
        assert 0 <= line.low <= line.fit <= line.high <= 100
        assert line.band in ("closer", "middle", "further")
        assert line.band_words in line.interval
        assert not re.search(r"\d\.\d", line.interval)
        assert f"{line.low}" in line.interval and f"{line.high}" in line.interval


def test_the_grid_has_one_cell_per_priority_each_naming_option_priority_and_word(content):
    chosen = [a.id for a in content.attributes[:3]]
    s = all_rated(content, hemophilia_type="B").model_copy(update={"top_priorities": chosen})
    summary = summarise(content, s)
    names = [a.name for a in content.attributes]
    assert summary.grid_priorities[:3] == tuple(names[:3])
    for line in summary.fits:
        assert [c.priority for c in line.cells] == list(summary.grid_priorities)
        for cell in line.cells:
            assert cell.alignment in ("good", "mixed", "poor")
            assert cell.spoken == f"{line.option}, {cell.priority}: {cell.word}"
            assert cell.reason and "[@" not in cell.reason


def test_the_top_three_come_first_and_not_answered_is_kept_apart_from_not_important(content):
    ids = [a.id for a in content.attributes]
    importance = {i: 2 for i in ids[:-2]} | {ids[-2]: 0}
    s = Session(importance=importance, top_priorities=[ids[3], ids[1]])
    summary = summarise(content, s)
    names = [a.name for a in content.attributes]
    assert summary.top_three == (names[3], names[1])
    assert [p.attribute for p in summary.priorities[:2]] == [names[3], names[1]]
    assert all(p.top for p in summary.priorities[:2]) and not summary.priorities[2].top
    assert summary.not_important == (names[-2],)
    assert summary.not_answered == (names[-1],)


def test_with_too_few_answers_there_is_no_fit_and_the_note_says_how_many_more(content):
    ids = [a.id for a in content.attributes]
    s = Session(importance={ids[0]: 4}, profile=Profile(hemophilia_type="B"))
    result = fit(content, s)
    summary = summarise(content, s)
    assert not result.enough and not summary.fit_available
    (note,) = summary.fit_notes
    assert str(result.needed - result.answered) in note and str(result.needed) in note


def test_a_withdrawn_option_is_listed_apart_with_why_and_never_gets_a_fit(content):
    summary = summarise(content, all_rated(content, hemophilia_type="B"))
    beqvez = content.option("beqvez").name
    assert beqvez not in [f.option for f in summary.fits]
    (apart,) = [a for a in summary.apart if a.option == beqvez]
    assert apart.standing == content.text("summary.apart.withdrawn")
    assert apart.reasons


def test_a_chosen_hard_limit_is_named_on_every_option_that_crosses_it(content):
    limit = content.hard_limits[0]
    s = all_rated(content, hemophilia_type="B").model_copy(update={"hard_limits": [limit.id]})
    summary = summarise(content, s)
    for line in summary.fits:
        assert (limit.statement in line.limits_crossed) == (line.option_id in limit.crossed_by)


def test_contrasts_name_both_options_in_words(content):
    summary = summarise(content, all_rated(content, hemophilia_type="B"))
    names = {f.option for f in summary.fits}
    for line in summary.fits:
        for sentence in line.contrasts:
            # "Where Hemgenix is ahead of ...": the option is named before the other one.
            assert line.option in sentence.split(":")[0]
            assert any(other in sentence for other in names - {line.option})


def test_a_close_call_from_the_engine_is_said_in_words(content):
    s = all_rated(content, hemophilia_type="A", current_treatment="emicizumab")
    result = fit(content, s)
    summary = summarise(content, s)
    assert (content.text("summary.fit.close_call") in summary.fit_notes) == result.close_call


def test_a_contrast_names_at_most_three_features_each_way_and_counts_the_rest(content):
    from decisionaid.domain.fit import Contrast
    from decisionaid.domain.fit_summary import contrast_sentence

    ids = tuple(a.id for a in content.attributes)
    names = [a.name for a in content.attributes]
    sentence = contrast_sentence(content, "X", Contrast("hemgenix", ids[:5], ids[5:6]))
    assert names[2] in sentence and names[3] not in sentence
    assert content.text("summary.contrast.more", count=2) in sentence
    assert names[5] in sentence


def test_a_priority_on_which_every_option_is_alike_reads_the_same_for_all_not_mixed(content):
    # Under 18, gene therapy is not for him: what only it differs on is alike for the rest.
    base = all_rated(content, hemophilia_type="B", age_group="under_18", current_treatment="factor9-extended")
    flat = fit(content, base).flat
    assert flat, "the test needs an attribute on which every option shown scores alike"
    session = base.model_copy(update={"top_priorities": [flat[0]]})
    summary = summarise(content, session)
    name = next(a.name for a in content.attributes if a.id == flat[0])
    row = summary.grid_priorities.index(name)
    same = content.text("summary.align.same")
    assert {(f.cells[row].alignment, f.cells[row].word) for f in summary.fits} == {("same", same)}


def test_each_band_names_in_words_the_options_it_cannot_be_told_apart_from(content):
    s = all_rated(content, hemophilia_type="A", current_treatment="emicizumab")
    result = {f.option_id: f for f in fit(content, s).fits}
    summary = summarise(content, s)
    assert any(line.overlaps for line in summary.fits)
    for line in summary.fits:
        names = [content.option(i).name for i in result[line.option_id].overlaps]
        expected = content.text("summary.overlaps", options=", ".join(names)) if names else ""
        assert line.overlaps == expected
        assert line.option not in line.overlaps


def small(*options, **importance):
    """fit_view on a made-up content with attributes x and y, rated as given."""

    made = f.content(*options, attributes=("x", "y"))
    return made, fit_view(made, f.session(importance, hemophilia_type="B"))


def test_with_no_option_scored_the_note_says_none_could_be_scored_not_that_nothing_matters():
    rule = not_for(hemophilia_type=["B"])
    made, view = small(
        option("alpha", x=0.2, y=0.4, not_for=(rule,)),
        option("beta", x=0.6, y=0.9, not_for=(rule,)),
        x=3,
        y=3,
    )
    assert view.notes == (made.text("summary.fit.none_scored"),)


def test_with_one_option_scored_the_note_names_it_and_says_there_is_nothing_to_weigh_it_against():
    rule = not_for(hemophilia_type=["B"])
    made, view = small(option("alpha", x=0.2, y=0.4), option("beta", x=0.6, y=0.9, not_for=(rule,)), x=3, y=3)
    assert view.notes == (made.text("summary.fit.only_one", option=made.option("alpha").name),)


def test_when_the_options_are_alike_on_every_rated_feature_the_note_says_so_not_that_nothing_matters():
    made, view = small(option("alpha", x=0.5, y=0.2), option("beta", x=0.5, y=0.9), x=4, y=0)
    assert not view.available
    assert view.notes == (made.text("summary.fit.all_alike"),)


def test_when_every_feature_is_not_important_the_note_says_there_is_nothing_to_weigh():
    made, view = small(option("alpha", x=0.5, y=0.2), option("beta", x=0.1, y=0.9), x=0, y=0)
    assert view.notes == (made.text("summary.fit.nothing_matters"),)


def test_a_close_call_made_on_purpose_is_said_in_words():
    made, view = small(
        option("alpha", x=(0.1, 0.5, 0.9), y=0.6), option("beta", x=(0.2, 0.6, 0.9), y=0.5), x=3, y=3
    )
    assert view.available
    assert made.text("summary.fit.close_call") in view.notes


def test_the_licence_sources_behind_an_option_not_scored_are_cited_on_the_summary(content):
    s = all_rated(content, hemophilia_type="B", age_group="under_18", inhibitors="now")
    summary = summarise(content, s)
    ruled_out = [a for a in fit(content, s).apart if a.sources]
    assert ruled_out
    for apart in ruled_out:
        for source in apart.sources:
            assert citation_line(content.sources[source]) in summary.sources


def test_a_fit_without_a_top_three_says_so_beside_the_bands(content):
    rated = all_rated(content, hemophilia_type="B")
    assert not rated.top_priorities
    note = content.text("summary.fit.no_top_three")
    assert note in fit_view(content, rated).notes
    chosen = rated.model_copy(update={"top_priorities": [a.id for a in content.attributes[:3]]})
    assert note not in fit_view(content, chosen).notes


def test_a_person_with_two_or_fewer_options_open_is_told_why_one_may_lead(content):
    # Review M4-1: the man with an inhibitor now saw Hemlibra far ahead with nothing to
    # say that only Hemlibra and Qfitlia are left to weigh for him.
    omar = all_rated(
        content, hemophilia_type="A", severity="severe", inhibitors="now", current_treatment="emicizumab"
    )
    result = fit(content, omar)
    assert result.open_options <= 2
    assert content.text("summary.fit.few_open", count=result.open_options) in fit_view(content, omar).notes
    many = all_rated(content, hemophilia_type="B")
    assert fit(content, many).open_options >= 3
    assert not [n for n in fit_view(content, many).notes if "can come out ahead" in n]
