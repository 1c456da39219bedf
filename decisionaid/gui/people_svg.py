"""An icon array's people drawn as SVG: one picture per group instead of 100 icon controls.

Flet sends, diffs and lays out every control of a page on each click; an icon array drawn
as 100 `Icon`s in 10 `Row`s was about 115 controls, and Options shows six of them (600 of
its 2,100 controls; issue 16). Here each group is one SVG image holding its people at their
places in the 10 x 10 grid, drawn in black and tinted by Flutter with the group's theme
colour, so the pictures still follow the light, dark and high-contrast themes.
"""

from __future__ import annotations

from functools import lru_cache

PER_ROW = 10
ICON = 22  # px: one person, as the Icon controls were
GAP = 2  # px between people
SIDE = PER_ROW * ICON + (PER_ROW - 1) * GAP
"""The grid's width and height in px."""

# Person glyphs on a 24-unit square, one per group: the shape tells groups apart, not only
# colour. The first and third are Material Design icons (Apache 2.0): "person" and
# "accessibility_new"; the second is the first drawn as an outline; the fourth a head over
# a triangle.
_PERSON = (
    "M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4z"
    "m0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z"
)
GLYPHS = (
    f'<path d="{_PERSON}"/>',
    f'<path d="{_PERSON}" fill="none" stroke="#000" stroke-width="1.6"/>',
    '<path d="M20.5 6c-2.61.7-5.67 1-8.5 1s-5.89-.3-8.5-1L3 8c1.86.5 4 .83 6 1v13h2v-6h2v6h2V9c2-.17 '
    '4.14-.5 6-1l-.5-2zM12 6c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z"/>',
    '<circle cx="12" cy="5" r="3"/><path d="M12 9l7 12H5z"/>',
)
_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def glyph(index: int) -> str:
    """One person of group `index`, alone (the legend's key)."""
    return f'{_HEAD} viewBox="0 0 24 24" width="{ICON}" height="{ICON}">{GLYPHS[index % len(GLYPHS)]}</svg>'


@lru_cache(maxsize=256)
def group_svg(index: int, start: int, count: int) -> str:
    """The people `start` to `start + count - 1` of the grid (filled row by row, 10 a row) in
    group `index`'s shape, everything else left transparent; all groups' pictures laid over
    one another make the whole grid. The same figure is drawn on every visit: kept."""
    uses = "".join(
        f'<use xlink:href="#p" x="{(n % PER_ROW) * (ICON + GAP)}" y="{(n // PER_ROW) * (ICON + GAP)}"/>'
        for n in range(start, start + count)
    )
    # The glyph is scaled once, in its definition: each person is then only its place.
    return (
        f'{_HEAD} viewBox="0 0 {SIDE} {SIDE}" width="{SIDE}" height="{SIDE}"><defs><g id="p" '
        f'transform="scale({ICON / 24:.4f})">{GLYPHS[index % len(GLYPHS)]}</g></defs>{uses}</svg>'
    )
