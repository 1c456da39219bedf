"""The themes meet WCAG 2.2 AA contrast, and the text scale reaches 200%."""

from __future__ import annotations

import pytest

from decisionaid.gui.theme import BASE_SIZES, OUTLINE_PAIRS, PALETTES, TEXT_PAIRS, build_theme, text_theme


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_pairs():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(PALETTES))
@pytest.mark.parametrize("pair", TEXT_PAIRS, ids="/".join)
def test_text_colours_meet_aa_contrast_in_every_theme(name, pair):
    palette = PALETTES[name]
    needed = 7.0 if name == "contrast" else 4.5  # high contrast aims for AAA
    assert contrast(palette[pair[0]], palette[pair[1]]) >= needed


@pytest.mark.parametrize("name", sorted(PALETTES))
@pytest.mark.parametrize("pair", OUTLINE_PAIRS, ids="/".join)
def test_outlines_and_controls_meet_non_text_contrast(name, pair):
    palette = PALETTES[name]
    assert contrast(palette[pair[0]], palette[pair[1]]) >= 3.0


def test_every_theme_sets_the_same_colour_roles():
    roles = {name: set(palette) for name, palette in PALETTES.items()}
    assert roles["light"] == roles["dark"] == roles["contrast"]


def test_text_at_200_percent_is_twice_the_base_size():
    doubled = text_theme(2.0)
    for name, size in BASE_SIZES.items():
        assert getattr(doubled, name).size == 2 * size


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_every_text_style_carries_the_palettes_text_colour(palette):
    """Flet replaces each text style whole; one without a colour is drawn black in the dark theme."""
    theme = build_theme(1.5, palette)
    for name in BASE_SIZES:
        assert getattr(theme.text_theme, name).color == PALETTES[palette]["on_surface"], name


def test_the_compare_grid_headings_grow_with_the_text_size():
    """Audit D18: a DataTable's headings use the theme's title_small, which was not scaled."""
    assert text_theme(1.0).title_small.size == BASE_SIZES["title_small"]
    assert text_theme(2.0).title_small.size == 2 * BASE_SIZES["title_small"]
