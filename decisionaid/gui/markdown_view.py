"""Content Markdown drawn with the app's own controls: headings a screen reader can jump
between, paragraphs and list items each read on their own, tables with column headers.

Replaces Flet's Markdown control, which exposed none of this structure (audit D5). The
parsing is in markdown_blocks (no Flet); here each block becomes a control.
"""

from __future__ import annotations

import math

import flet as ft

from decisionaid.gui.controls import BODY_SIZE, LIST_NUMBER_EMS, MIN_TARGET, heading
from decisionaid.gui.markdown_blocks import (
    Block,
    Heading,
    ItemList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    content_blocks,
    text_of,
)
from decisionaid.gui.theme import FALLBACKS

BULLET_EMS = 1.2
"""Width of a bullet's column, in letter heights."""
CELL_WIDTH = 280
"""px: a table column's widest; longer cells wrap (about 23 letters at 100%, 12 at 200%)."""
HEADER_LETTERS = 12
"""A column header longer than this wraps unless the column's cells are wider."""
LETTER_EMS = 0.66
"""A generous letter width, in letter heights, for sizing table columns (a bold header
letter with the theme's letter spacing is about 0.64)."""
LINE_HEIGHT = 1.45


def markdown_view(text: str, scale: float, top: int = 2) -> ft.Control:
    """A Markdown text as accessible controls at the reading size `scale`, its headings
    starting at level `top` (under the page's h1). The Markdown source is kept in `data`."""
    return ft.Column(
        [_block(block, scale) for block in content_blocks(text, top)],
        spacing=12,
        data=text,
    )


@ft.component
def _Markdown(text: str, scale: float, top: int) -> ft.Control:
    return markdown_view(text, scale, top)


MarkdownView = ft.memo(_Markdown)
"""markdown_view as a component drawn again only when its text or size changes: a page
re-renders on every answer and notice, and the hundreds of controls of a summary preview,
rebuilt and diffed each time, held the event loop that every session shares for half a
second (the Flet Markdown control was one control)."""


def _style(span: Span) -> ft.TextStyle:
    return ft.TextStyle(
        weight=ft.FontWeight.W_700 if span.bold else None,
        italic=span.italic or None,
        decoration=(
            ft.TextDecoration.UNDERLINE
            if span.link
            else ft.TextDecoration.LINE_THROUGH
            if span.strike
            else None
        ),
        # Links in the theme's primary colour: the default blue was 2.97:1 (audit D8).
        color=ft.Colors.PRIMARY if span.link else None,
        font_family="monospace" if span.code else None,
        font_family_fallback=FALLBACKS,
    )


def rich_text(spans: tuple[Span, ...], **options: object) -> ft.Text:
    """A Text for styled runs: one plain value when there is no style, else TextSpans (bold
    and italic as styles; a link opens its address when clicked)."""
    plain = all(s == Span(s.text) for s in spans)
    if plain:
        return ft.Text(text_of(spans), **options)  # type: ignore[arg-type]
    return ft.Text(
        spans=[ft.TextSpan(s.text, style=_style(s), url=s.link) for s in spans],
        **options,  # type: ignore[arg-type]
    )


def _paragraph(spans: tuple[Span, ...], code: bool = False) -> ft.Control:
    # Its own node, as paragraph() is: read in place, not joined into a label around it.
    options: dict[str, object] = {"theme_style": ft.TextThemeStyle.BODY_LARGE}
    if code:
        options["font_family"] = "monospace"
    return ft.Semantics(container=True, content=rich_text(spans, **options))


def _block(block: Block, scale: float) -> ft.Control:
    if isinstance(block, Heading):
        return heading(text_of(block.spans), level=block.level)
    if isinstance(block, Paragraph):
        return _paragraph(block.spans, block.code)
    if isinstance(block, ItemList):
        return _list(block, scale)
    if isinstance(block, Table):
        return _table(block, scale)
    if isinstance(block, Quote):
        # Colours from the theme: Flet's fixed light-blue fill was 1.09:1 under the dark
        # theme's light text (audit D7).
        return ft.Container(
            content=ft.Column([_block(b, scale) for b in block.blocks], spacing=8),
            padding=12,
            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
            border=ft.Border.only(left=ft.BorderSide(4, ft.Colors.PRIMARY)),
        )
    if isinstance(block, Rule):
        return ft.Divider(color=ft.Colors.OUTLINE)
    raise TypeError(f"not a Markdown block: {block!r}")


def _list(block: ItemList, scale: float) -> ft.Control:
    """Each item its own node: its marker in a column of its own, its text beside it.

    The marker column has room for "10." at every text size: Flet's default put the dot of
    every number from 10 on a line of its own, and every number's at 200% (audit D29)."""
    ems = LIST_NUMBER_EMS if block.ordered else BULLET_EMS
    width = round(ems * BODY_SIZE * scale)
    items = [
        ft.Semantics(
            container=True,
            content=ft.Row(
                [
                    ft.Text(
                        item.marker,
                        width=width,
                        theme_style=ft.TextThemeStyle.BODY_LARGE,
                        text_align=ft.TextAlign.END if block.ordered else ft.TextAlign.CENTER,
                        no_wrap=True,
                    ),
                    _item_body(item.blocks, scale),
                ],
                spacing=12 if block.ordered else 4,
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
        )
        for item in block.items
    ]
    return ft.Column(items, spacing=6)


def _item_body(blocks: tuple[Block, ...], scale: float) -> ft.Control:
    """What a list item holds, beside its marker. One paragraph is drawn as its text alone
    (the item is already its own node): a page's controls are all diffed and sent on every
    render, and lists are most of a reading."""
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph) and not blocks[0].code:
        return rich_text(blocks[0].spans, theme_style=ft.TextThemeStyle.BODY_LARGE, expand=True)
    return ft.Column([_block(b, scale) for b in blocks], spacing=6, expand=True)


def _column_width(head: tuple[Span, ...], cells: list[tuple[Span, ...]], size: float) -> int:
    """A column's width in px: its longest cell on one line, but at most CELL_WIDTH, and
    never narrower than its longest word (so no word is broken). A long header wraps past
    HEADER_LETTERS rather than widen a column of short cells (the fit table's "Long-acting
    factor IX (What you use now)" over "good" and "mixed")."""
    texts = [text_of(cell) for cell in (head, *cells)]
    letter = LETTER_EMS * size
    longest_word = max((len(word) for text in texts for word in text.split()), default=1) * letter
    natural = max((len(text) for text in texts[1:]), default=0) * letter
    header = min(len(texts[0]), HEADER_LETTERS) * letter
    return math.ceil(max(longest_word, min(max(natural, header), CELL_WIDTH)))


def _table(block: Table, scale: float) -> ft.Control:
    """A DataTable: Flutter exposes its header cells as column headers and the others as
    cells (checked in Chromium), and its rows grow to fit wrapped text.

    Each column has a width of its own and the table scrolls sideways when the page is
    narrower (WCAG 1.4.10 allows it for data tables). Left to Flutter, a column was never
    narrower than its widest word, and a two-column summary table at 200% on a phone cut
    its second column off; Flet's Markdown broke the words instead (audit D29). Headers
    wrap within the column too: Flutter draws them on one line at a fixed height."""
    size = BODY_SIZE * scale
    widths = [
        _column_width(head, [row[n] for row in block.rows], size) for n, head in enumerate(block.header)
    ]
    lines = max(
        (
            math.ceil(len(text_of(head)) * LETTER_EMS * size / w)
            for head, w in zip(block.header, widths, strict=True)
        ),
        default=1,
    )
    body = ft.TextThemeStyle.BODY_LARGE
    table = ft.DataTable(
        columns=[
            ft.DataColumn(label=rich_text(head, width=w, weight=ft.FontWeight.W_600, theme_style=body))
            for head, w in zip(block.header, widths, strict=True)
        ],
        rows=[
            ft.DataRow(
                cells=[
                    ft.DataCell(rich_text(cell, width=w, theme_style=body))
                    for cell, w in zip(row, widths, strict=True)
                ]
            )
            for row in block.rows
        ],
        heading_row_height=math.ceil(max(lines, 1) * size * LINE_HEIGHT + 24),
        data_row_min_height=MIN_TARGET,
        data_row_max_height=float("inf"),
        column_spacing=16,
        horizontal_margin=12,
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=4,
        horizontal_lines=ft.BorderSide(1, ft.Colors.OUTLINE_VARIANT),
    )
    return ft.Row([table], scroll=ft.ScrollMode.AUTO)
