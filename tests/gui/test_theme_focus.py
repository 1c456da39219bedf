"""Keyboard focus on radios, checkboxes and folds shows at 3:1 in every theme (audit D9: 1.16:1
for radios, 1.4:1 to 1.7:1 for folds)."""

from __future__ import annotations

import flet as ft
import pytest

from decisionaid.gui.theme import FOCUS_PAIRS, FOLD_FOCUS, OUTLINE_PAIRS, PALETTES, TEXT_PAIRS, build_theme
from tests.gui.test_theme import contrast

FOCUSED, SELECTED, DEFAULT = ft.ControlState.FOCUSED, ft.ControlState.SELECTED, ft.ControlState.DEFAULT


def resolve(states: dict, *now: ft.ControlState) -> str | None:
    """The colour Flet picks: the first state in the map's own order that applies, else default."""
    for state, colour in states.items():
        if state != DEFAULT and state in now:
            return colour
    return states.get(DEFAULT)


def opaque(colour: str) -> bool:
    return colour.startswith("#") and len(colour) == 7


@pytest.mark.parametrize("name", sorted(PALETTES))
@pytest.mark.parametrize("pair", FOCUS_PAIRS, ids="/".join)
def test_the_focus_halo_and_the_control_on_it_reach_3_to_1(name, pair):
    palette = PALETTES[name]
    assert contrast(palette[pair[0]], palette[pair[1]]) >= 3.0


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_focused_radio_is_a_solid_halo_with_the_radio_drawn_on_it_at_3_to_1(name):
    theme, page = build_theme(1.0, name), PALETTES[name]["surface"]
    halo = resolve(theme.radio_theme.overlay_color, FOCUSED)
    assert opaque(halo), "a see-through halo is a blend with the page: Flutter's was 10%"
    assert contrast(halo, page) >= 3.0
    for chosen in ((FOCUSED, SELECTED), (FOCUSED,)):
        assert contrast(resolve(theme.radio_theme.fill_color, *chosen), halo) >= 3.0
    # Without focus, the radio reads on the page as before.
    assert contrast(resolve(theme.radio_theme.fill_color, SELECTED), page) >= 3.0
    assert contrast(resolve(theme.radio_theme.fill_color), page) >= 3.0


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_focused_checkbox_is_a_solid_halo_with_its_box_and_tick_at_3_to_1(name):
    theme, page = build_theme(1.0, name), PALETTES[name]["surface"]
    halo = resolve(theme.checkbox_theme.overlay_color, FOCUSED)
    assert opaque(halo)
    assert contrast(halo, page) >= 3.0
    box = resolve(theme.checkbox_theme.fill_color, FOCUSED, SELECTED)
    assert contrast(box, halo) >= 3.0
    assert contrast(resolve(theme.checkbox_theme.check_color, FOCUSED, SELECTED), box) >= 3.0
    # Ticked without focus: the tick on the filled box, the box on the page.
    ticked = resolve(theme.checkbox_theme.fill_color, SELECTED)
    assert contrast(resolve(theme.checkbox_theme.check_color, SELECTED), ticked) >= 3.0
    assert contrast(ticked, page) >= 3.0
    # An unticked box stays unfilled without focus (Flutter's default: no fill).
    assert resolve(theme.checkbox_theme.fill_color) is None


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_bars_marks_and_their_tracks_reach_3_to_1_and_text_4_5_to_1(name):
    """The pairs the screen audit measures on pixels, here from the palette itself: the
    bars' fill on their track and on the page, chart marks on the page, text on its fills."""
    palette = PALETTES[name]
    marks = [("primary", "surface"), ("on_surface", "surface"), *OUTLINE_PAIRS]
    assert [pair for pair in marks if contrast(palette[pair[0]], palette[pair[1]]) < 3.0] == []
    assert [pair for pair in TEXT_PAIRS if contrast(palette[pair[0]], palette[pair[1]]) < 4.5] == []


FOLD_GROUNDS = ("surface", "surface_container_low")
"""Where folds stand: the page (Learn's modules, "The same in words") and a card (an option's
"Good points..." fold; Flutter's card colour is surface_container_low)."""


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_focused_fold_is_a_solid_tint_at_3_to_1_on_the_page_and_on_a_card(name):
    theme, palette = build_theme(1.0, name), PALETTES[name]
    tint = theme.focus_color
    assert opaque(tint), "a see-through tint is a blend: the old 24% primary was 1.4:1 in light"
    assert tint == FOLD_FOCUS[name]["tint"]
    assert {
        ground: round(contrast(tint, palette[ground]), 2)
        for ground in FOLD_GROUNDS
        if contrast(tint, palette[ground]) < 3.0
    } == {}


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_folds_title_subtitle_and_icons_read_at_4_5_to_1_on_the_tint_and_on_the_page(name):
    theme, palette = build_theme(1.0, name), PALETTES[name]
    tiles = theme.expansion_tile_theme
    header = {tiles.text_color, tiles.collapsed_text_color, tiles.icon_color, tiles.collapsed_icon_color}
    # One colour, open or closed: Flutter has no focus state for the header's text, so it
    # must read on the tint and without it. The subtitle takes the tile's text colour, not
    # the grey on_surface_variant, which was below 4.5:1 on a tint dark enough for 3:1.
    assert header == {FOLD_FOCUS[name]["text"]}
    text = FOLD_FOCUS[name]["text"]
    grounds = {"tint": theme.focus_color, **{g: palette[g] for g in FOLD_GROUNDS}}
    assert {g: round(contrast(text, c), 2) for g, c in grounds.items() if contrast(text, c) < 4.5} == {}
