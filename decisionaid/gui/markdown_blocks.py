"""Content Markdown as a list of plain blocks (headings, paragraphs, lists, tables, quotes)
that the interface draws with its own accessible controls. No Flet here, so every case can
be tested as data.

Flet's Markdown control drew headings, list items and table headers as plain text, and an
opened reading became one label of thousands of characters (audit D5). Parsed here with
markdown-it-py (CommonMark with GitHub tables), each heading, item and cell is its own block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

LINK_SCHEMES = ("http://", "https://", "mailto:")
"""Link targets the interface opens; any other target is shown as text (never followed)."""


@dataclass(frozen=True)
class Span:
    """A run of text in one style; `link` is the address it opens, if any."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Heading:
    """A heading at its level on the page (already fitted under the page's own headings)."""

    level: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text, or a code block when `code`."""

    spans: tuple[Span, ...]
    code: bool = False


@dataclass(frozen=True)
class Item:
    """One list item: its marker ("•", "3.") and what it holds (paragraphs, nested lists)."""

    marker: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ItemList:
    """A bulleted or numbered list."""

    ordered: bool
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    """A table with a row of column headers; each cell is a run of spans."""

    header: tuple[tuple[Span, ...], ...]
    rows: tuple[tuple[tuple[Span, ...], ...], ...]


@dataclass(frozen=True)
class Quote:
    """A block quote (a note set apart)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Rule:
    """A thematic break (a line across)."""


Block = Heading | Paragraph | ItemList | Table | Quote | Rule

BULLETS = ("•", "◦", "▪")
"""Bullet per list depth, as browsers draw them."""

_PARSER = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
"""Raw HTML off: a tag in content or in a person's notes is shown as the text it is."""


def text_of(spans: tuple[Span, ...]) -> str:
    """The words of a run of spans, without styles."""
    return "".join(s.text for s in spans)


@dataclass
class _Style:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    links: list[str | None] = field(default_factory=list)


def _spans(inline: Token | None) -> tuple[Span, ...]:
    """The styled runs of an inline token; neighbours in one style are joined."""
    found: list[Span] = []
    style = _Style()

    def add(text: str, code: bool = False) -> None:
        if not text:
            return
        link = next((target for target in reversed(style.links) if target), None)
        span = Span(text, style.bold > 0, style.italic > 0, style.strike > 0, code, link)
        last = found[-1] if found else None
        if last is not None and (last.bold, last.italic, last.strike, last.code, last.link) == (
            span.bold,
            span.italic,
            span.strike,
            span.code,
            span.link,
        ):
            found[-1] = Span(last.text + text, span.bold, span.italic, span.strike, span.code, span.link)
        else:
            found.append(span)

    for token in (inline.children or []) if inline is not None else []:
        kind = token.type
        if kind == "text":  # the parser is built with HTML off: no html_inline tokens
            add(token.content)
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "image":
            add(token.content)  # its alt text: there are no images in the content
        elif kind in ("strong_open", "strong_close"):
            style.bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            style.italic += 1 if kind == "em_open" else -1
        elif kind in ("s_open", "s_close"):
            style.strike += 1 if kind == "s_open" else -1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            style.links.append(href if href.startswith(LINK_SCHEMES) else None)
        elif kind == "link_close" and style.links:
            style.links.pop()
    return tuple(found)


class _Reader:
    """Walks markdown-it's flat token stream and builds nested blocks."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def blocks(self, until: str | None = None, depth: int = 0) -> tuple[Block, ...]:
        """Blocks up to the closing token `until` (consumed), or to the end."""
        found: list[Block] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            kind = token.type
            if kind == until:
                break
            if kind == "heading_open":
                found.append(Heading(int(token.tag[1]), _spans(self._inline_until("heading_close"))))
            elif kind == "paragraph_open":
                found.append(Paragraph(_spans(self._inline_until("paragraph_close"))))
            elif kind in ("fence", "code_block"):
                found.append(Paragraph((Span(token.content.rstrip("\n"), code=True),), code=True))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                found.append(self._list(token, depth))
            elif kind == "table_open":
                found.append(self._table())
            elif kind == "blockquote_open":
                found.append(Quote(self.blocks("blockquote_close", depth)))
            elif kind == "hr":
                found.append(Rule())
        return tuple(found)

    def _inline_until(self, closing: str) -> Token | None:
        inline = None
        while self.at < len(self.tokens) and self.tokens[self.at].type != closing:
            if self.tokens[self.at].type == "inline":
                inline = self.tokens[self.at]
            self.at += 1
        self.at += 1
        return inline

    def _list(self, opening: Token, depth: int) -> ItemList:
        ordered = opening.type == "ordered_list_open"
        closing = opening.type.replace("_open", "_close")
        number = int(opening.attrs.get("start", 1)) if ordered else 0
        items: list[Item] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == closing:
                break
            if token.type == "list_item_open":
                bullet = BULLETS[min(depth, len(BULLETS) - 1)]
                marker = f"{number}{token.markup or '.'}" if ordered else bullet
                items.append(Item(marker, self.blocks("list_item_close", depth + 1)))
                number += 1
        return ItemList(ordered, tuple(items))

    def _table(self) -> Table:
        header: list[tuple[Span, ...]] = []
        rows: list[tuple[tuple[Span, ...], ...]] = []
        row: list[tuple[Span, ...]] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == "table_close":
                break
            if token.type in ("th_open", "td_open"):
                cell = _spans(self._inline_until(token.type.replace("_open", "_close")))
                (header if token.type == "th_open" else row).append(cell)
            elif token.type == "tr_close" and row:
                rows.append(tuple(row))
                row = []
        width = len(header)
        # A row with fewer cells than the header is filled out, one with more cut to it, as
        # GitHub does: every column keeps its header.
        fitted = tuple(r[:width] + ((),) * (width - len(r)) for r in rows)
        return Table(tuple(header), fitted)


def fit_levels(blocks: tuple[Block, ...], top: int) -> tuple[Block, ...]:
    """Headings moved under the page's own: the content's highest level becomes `top`, the
    next lower one `top + 1` and so on, and none is more than one below the heading before
    it (the page has one h1 and no skipped levels; a reading's `###` follows the page's h1)."""
    levels = sorted({h.level for h in _headings(blocks)})
    rank = {level: n for n, level in enumerate(levels)}
    before = top - 1

    def fit(block: Block) -> Block:
        nonlocal before
        if isinstance(block, Heading):
            before = min(top + rank[block.level], before + 1, 6)
            return Heading(before, block.spans)
        if isinstance(block, Quote):
            return Quote(tuple(fit(b) for b in block.blocks))
        if isinstance(block, ItemList):
            return ItemList(
                block.ordered, tuple(Item(i.marker, tuple(fit(b) for b in i.blocks)) for i in block.items)
            )
        return block

    return tuple(fit(b) for b in blocks)


def _headings(blocks: tuple[Block, ...]) -> list[Heading]:
    found: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading):
            found.append(block)
        elif isinstance(block, Quote):
            found += _headings(block.blocks)
        elif isinstance(block, ItemList):
            for item in block.items:
                found += _headings(item.blocks)
    return found


@lru_cache(maxsize=256)
def content_blocks(text: str, top: int = 2) -> tuple[Block, ...]:
    """The blocks of a Markdown text, headings starting at level `top` (see fit_levels).

    Any text gives a result: empty text gives no blocks, and odd input (an unclosed `**`,
    raw HTML, a broken table) is shown as the text it is. Kept for the texts met lately:
    a page re-renders on every answer, and the readings do not change."""
    if not text.strip():
        return ()
    return fit_levels(_Reader(_PARSER.parse(text)).blocks(), top)


def headings(text: str, top: int = 2) -> list[tuple[int, str]]:
    """Each heading of a Markdown text as (level on the page, words), in reading order."""
    return [(h.level, text_of(h.spans)) for h in _headings(content_blocks(text, top))]
