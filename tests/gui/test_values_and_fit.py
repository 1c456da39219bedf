"""The values step (top three, "not answered") and the fit screen (bands, grid, order, options apart)."""

from __future__ import annotations

import itertools
import json
import re

import flet as ft
import pytest

from decisionaid.domain.fit import MATTER_AT_LEAST, fit
from decisionaid.domain.session import Profile, Session
from decisionaid.gui.app import make_app
from decisionaid.loader import load_content
from tests.gui.harness import start_app


@pytest.fixture(scope="module")
def content(shipped_content_root):
    return load_content(shipped_content_root)


@pytest.fixture(scope="module")
def shipped_content_root():
    from decisionaid import locations

    return locations.locale_root("en")


def saved(data) -> dict:
    return json.loads((data / "session.json").read_text())


def write_session(data, session: Session) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "session.json").write_text(session.model_dump_json())


def everything_rated(content, step: int = 3, **profile) -> Session:
    return Session(profile=Profile(**profile), importance={a.id: step for a in content.attributes})


async def test_the_top_three_keeps_a_choice_on_a_second_click_and_takes_no_fourth(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content_root, data), route="/values")
    ids = [a.id for a in content.attributes]
    await app.click(f"top-{ids[0]}")
    await app.click(f"top-{ids[0]}")
    assert saved(data)["top_priorities"] == [ids[0]]
    assert app.semantics(f"top-{ids[0]}").selected is True
    for attribute in ids[1:4]:
        await app.click(f"top-{attribute}")
    assert saved(data)["top_priorities"] == ids[:3]
    assert app.by_identifier(f"top-{ids[3]}").disabled is True
    assert content.text("values.top_full") in app.semantics("top-status").content.value


async def test_one_of_the_top_three_can_be_taken_out_and_all_of_them_cleared_on_purpose(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    ids = [a.id for a in content.attributes]
    write_session(data, Session(top_priorities=ids[:3]))
    app = await start_app(make_app(shipped_content_root, data), route="/values")
    await app.click(f"top-remove-{ids[1]}")
    assert saved(data)["top_priorities"] == [ids[0], ids[2]]
    await app.click(f"top-{ids[5]}")
    assert saved(data)["top_priorities"] == [ids[0], ids[2], ids[5]]
    await app.click("top-clear")
    assert saved(data)["top_priorities"] == []
    assert content.text("values.top_none") in app.texts()


async def test_a_feature_not_answered_says_so_apart_from_one_marked_not_important(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content_root, data), route="/values")
    not_answered = content.text("values.not_answered")
    assert app.texts().count(not_answered) == len(content.attributes)
    await app.click(f"imp-{content.attributes[0].id}-0")
    assert app.texts().count(not_answered) == len(content.attributes) - 1
    assert content.text("values.answered", answered=1, total=len(content.attributes)) in app.texts()


async def test_the_values_step_asks_the_features_in_the_engines_rotated_order(
    shipped_content_root, content, tmp_path
):
    from decisionaid.domain.fit import attribute_order

    data = tmp_path / "data"
    session = Session()
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/values")
    asked = [i.removeprefix("attr-") for i in app.identifiers() if i.startswith("attr-")]
    assert asked == attribute_order(content, session)


async def test_the_fit_screen_states_its_order_and_shows_bands_not_decimals(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    session = everything_rated(content, hemophilia_type="A", current_treatment="emicizumab")
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    texts = app.texts()
    assert content.text("summary.fit.order") in texts
    assert not [t for t in texts if re.search(r"\b\d+\.\d\b", t) and "out of 100" in t]
    bands = [i.removeprefix("band-") for i in app.identifiers() if i.startswith("band-")]
    assert bands == [f.option_id for f in fit(content, session).fits]
    for option_id in bands:
        label = app.semantics(f"band-{option_id}").label
        assert content.option(option_id).name in label and "out of 100" in label


async def test_each_grid_cell_is_read_as_option_priority_and_word_with_a_shape(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    session = everything_rated(content, hemophilia_type="B").model_copy(
        update={"top_priorities": [a.id for a in content.attributes[:3]]}
    )
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    result = fit(content, session)
    words = {content.text(f"summary.align.{a}") for a in ("good", "mixed", "poor")}
    for line in result.fits:
        name = content.option(line.option_id).name
        for row, cell in enumerate(line.cells):
            node = app.semantics(f"cell-{line.option_id}-{row}")
            priority = next(a.name for a in content.attributes if a.id == cell.attribute_id)
            assert node.label == f"{name}, {priority}: {content.text(f'summary.align.{cell.alignment}')}"
            icons = [c for c in app.controls(node) if isinstance(c, ft.Icon)]
            assert len(icons) == 1  # the shape, beside the word
            assert {c.value for c in app.controls(node) if isinstance(c, ft.Text)} <= words


async def test_what_he_uses_now_is_marked_and_withdrawn_options_are_listed_apart_with_why(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    write_session(data, everything_rated(content, hemophilia_type="B", current_treatment="factor9-extended"))
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    assert content.text("fit.uses_now") in app.texts()
    assert "apart-beqvez" in app.identifiers()
    assert "band-beqvez" not in app.identifiers()
    assert f"{content.option('beqvez').name}: {content.text('summary.apart.withdrawn')}" in app.texts()


async def test_with_no_type_an_option_waiting_for_it_keeps_his_limit_and_care_team_notes_on_screen(
    shipped_content_root, content, tmp_path
):
    # Review R9-1: with the type skipped, "cannot be undone" and the liver note vanished.
    data = tmp_path / "data"
    limit = next(h for h in content.hard_limits if h.id == "cannot_undo")
    liver = next(f.title for f in content.flags if f.id == "liver_disease")
    session = everything_rated(content, liver_problems="yes").model_copy(update={"hard_limits": [limit.id]})
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    roctavian = app.semantics("apart-roctavian")
    words = [c.value for c in app.controls(roctavian) if isinstance(c, ft.Text)]
    assert f"{content.text('summary.limits_crossed')}: {limit.statement}" in words
    assert any(w.startswith(f"{content.text('summary.flags')}: ") and liver in w for w in words)
    assert any(isinstance(c, ft.Icon) for c in app.controls(roctavian))


async def test_with_too_few_answers_the_fit_screen_says_how_many_more_and_shows_no_fit(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    session = Session(profile=Profile(hemophilia_type="B"), importance={content.attributes[0].id: 4})
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    result = fit(content, session)
    assert not result.enough
    assert [i for i in app.identifiers() if i.startswith(("band-", "cell-"))] == []
    note = content.text(
        "summary.fit.not_enough",
        answered=1,
        total=len(content.attributes) - len(result.flat),
        needed=result.needed,
        more=result.needed - 1,
        at_least=MATTER_AT_LEAST,
    )
    assert note in app.texts()


@pytest.mark.parametrize("route", ["/values", "/fit"])
async def test_one_main_heading_and_no_heading_level_skipped(shipped_content_root, content, tmp_path, route):
    data = tmp_path / "data"
    write_session(data, everything_rated(content, hemophilia_type="B", current_treatment="factor9-extended"))
    app = await start_app(make_app(shipped_content_root, data), route=route)
    levels = [c.heading_level for c in app.controls() if isinstance(c, ft.Semantics) and c.header]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


async def test_on_a_phone_the_fit_screen_says_the_grid_scrolls_sideways(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    write_session(data, everything_rated(content, hemophilia_type="B", current_treatment="factor9-extended"))
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    hint = content.text("fit.grid_scroll")
    assert hint not in app.texts()
    await app.resize(390, 844)
    assert hint in app.texts()


async def test_each_band_says_what_it_cannot_be_told_apart_from_and_a_limit_crossed_shows_on_band_and_grid(
    shipped_content_root, content, tmp_path
):
    data = tmp_path / "data"
    limit = next(h for h in content.hard_limits if h.id == "cannot_undo")
    session = everything_rated(content, hemophilia_type="A").model_copy(
        update={"hard_limits": [limit.id], "top_priorities": [a.id for a in content.attributes[:3]]}
    )
    write_session(data, session)
    app = await start_app(make_app(shipped_content_root, data), route="/fit")
    result = fit(content, session)
    crosses = content.text("summary.limits_crossed")
    said = f"{crosses}: {limit.statement}"
    texts = app.texts()
    assert any(line.overlaps for line in result.fits)
    assert any(line.limits_crossed for line in result.fits)
    for line in result.fits:
        label = app.semantics(f"band-{line.option_id}").label
        names = ", ".join(content.option(i).name for i in line.overlaps)
        if names:
            assert content.text("summary.overlaps", options=names) in label
            assert content.text("summary.overlaps", options=names) in texts
        assert (said in label) == bool(line.limits_crossed)
        column = app.semantics(f"column-{line.option_id}")
        words = [c.value for c in app.controls(column) if isinstance(c, ft.Text)]
        icons = [c for c in app.controls(column) if isinstance(c, ft.Icon)]
        assert (crosses in words) == bool(line.limits_crossed)
        assert len(icons) == (1 if line.limits_crossed else 0)
    assert said in texts


async def test_each_rating_question_names_the_ends_among_the_persons_own_options_once_his_type_is_known(
    shipped_content_root, content, tmp_path
):
    # Model review M-13: the fit rescales on the options shown, not the global poles.
    from decisionaid.domain.fit_poles import local_ends

    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content_root, data), route="/values")
    assert not any(t.startswith("Among your options") for t in app.texts())

    profile = Profile(hemophilia_type="A", severity="severe", inhibitors="never", age_group="18_to_64")
    write_session(data / "typed", Session(profile=profile))
    app = await start_app(make_app(shipped_content_root, data / "typed"), route="/values")
    ends = local_ends(content, profile)
    burden = ends["treatment_burden"]
    best = content.text("values.local_best_unsure", end=burden.best)
    expected = content.text("values.local_ends", worst=burden.worst, best=best)
    assert expected == (
        "Among your options: from a dose about every day to one treatment, "
        "then no planned doses (not for everyone)."
    )
    assert expected in app.texts()
    # Feature words, never product names (model review M2-6).
    local = [t for t in app.texts() if t.startswith("Among your options")]
    assert len(local) == len(content.attributes)
    assert not [t for t in local for o in content.options if o.name in t]

    ruled_out = Profile(hemophilia_type="A", severity="severe", inhibitors="now", age_group="18_to_64")
    write_session(data / "inhibitors", Session(profile=ruled_out))
    app = await start_app(make_app(shipped_content_root, data / "inhibitors"), route="/values")
    assert local_ends(content, ruled_out)["own_factor"].flat
    assert content.text("values.local_flat") in app.texts()
