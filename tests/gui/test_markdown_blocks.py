"""Content Markdown to blocks: every heading, item and table header kept as structure."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decisionaid.gui.markdown_blocks import (
    Heading,
    ItemList,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    content_blocks,
    headings,
    text_of,
)

CONTENT = Path(__file__).parents[2] / "content" / "en"


def levels(text: str, top: int = 2) -> list[int]:
    return [level for level, _ in headings(text, top)]


def test_a_reading_of_third_level_headings_starts_right_under_the_page_heading():
    assert headings("### What clotting factors do\n\ntext\n\n### Inhibitors\n") == [
        (2, "What clotting factors do"),
        (2, "Inhibitors"),
    ]


def test_heading_levels_keep_their_nesting_and_never_skip_one():
    assert levels("# Summary\n\n## Answers\n\n### Type\n\n## Fit\n") == [2, 3, 4, 3]
    # h2 then h4: the h4 is one below the h2, not two.
    assert levels("## A\n\n#### B\n\n## C\n") == [2, 3, 2]
    # A lower heading first: it cannot sit two below the page's h1.
    assert levels("#### deep\n\n## top\n\n### middle\n") == [2, 2, 3]
    assert levels("# a\n\n## b", top=3) == [3, 4]


def test_levels_stop_at_six():
    text = "\n\n".join(f"{'#' * n} h{n}" for n in range(1, 7))
    assert levels(text, top=4) == [4, 5, 6, 6, 6, 6]


def test_every_shipped_reading_has_its_headings_at_two_and_below_without_a_skip():
    for path in [CONTENT / "about.md", *sorted((CONTENT / "modules").glob("*.md"))]:
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        found = levels(body)
        assert found, path.name
        assert found[0] == 2, path.name
        assert all(b <= a + 1 for a, b in itertools.pairwise([1, *found])), (path.name, found)


def test_bullets_and_numbers_are_items_with_their_marker_and_nested_lists_inside_them():
    (bullets, numbers) = content_blocks("- one\n  - inner\n- two\n\n9. nine\n10. ten\n")
    assert isinstance(bullets, ItemList) and not bullets.ordered
    assert [item.marker for item in bullets.items] == ["•", "•"]
    first, inner = bullets.items[0].blocks
    assert first == Paragraph((Span("one"),))
    assert isinstance(inner, ItemList) and [i.marker for i in inner.items] == ["◦"]
    assert isinstance(numbers, ItemList) and numbers.ordered
    # The number keeps its dot, and counts on from where the list starts.
    assert [item.marker for item in numbers.items] == ["9.", "10."]
    assert [text_of(item.blocks[0].spans) for item in numbers.items] == ["nine", "ten"]


def test_a_table_keeps_its_header_row_apart_from_its_body_rows():
    source = "| How severe | Factor level |\n| --- | --- |\n| Severe | below 1% |\n| Mild |\n"
    (table,) = content_blocks(source)
    assert isinstance(table, Table)
    assert [text_of(c) for c in table.header] == ["How severe", "Factor level"]
    # A short row is filled out so every cell stays under its header.
    assert [[text_of(c) for c in row] for row in table.rows] == [["Severe", "below 1%"], ["Mild", ""]]


def test_bold_italic_and_links_become_styled_runs():
    (p,) = content_blocks("In **hemophilia A**, *often* see [the label](https://example.org) `code`.")
    assert p.spans == (
        Span("In "),
        Span("hemophilia A", bold=True),
        Span(", "),
        Span("often", italic=True),
        Span(" see "),
        Span("the label", link="https://example.org"),
        Span(" "),
        Span("code", code=True),
        Span("."),
    )


def test_a_link_to_anything_but_a_web_or_mail_address_is_plain_text():
    (p,) = content_blocks("[open](file:///etc/passwd) and [run](javascript:alert(1))")
    assert all(span.link is None for span in p.spans)
    assert "open" in text_of(p.spans) and "run" in text_of(p.spans)


def test_an_unclosed_emphasis_is_shown_as_the_text_it_is():
    (p,) = content_blocks("a **bold start and *half")
    assert text_of(p.spans) == "a **bold start and *half"
    assert not any(span.bold or span.italic for span in p.spans)


def test_raw_html_is_shown_as_text_never_as_markup():
    blocks = content_blocks("<script>alert(1)</script>\n\nhi <b>there</b>")
    assert [text_of(b.spans) for b in blocks if isinstance(b, Paragraph)] == [
        "<script>alert(1)</script>",
        "hi <b>there</b>",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\t"])
def test_empty_text_gives_no_blocks(text):
    assert content_blocks(text) == ()


def test_quotes_and_rules_are_blocks_of_their_own():
    quote, rule = content_blocks("> **Close call.** Two options are near.\n\n---\n")
    assert isinstance(quote, Quote) and isinstance(rule, Rule)
    assert text_of(quote.blocks[0].spans) == "Close call. Two options are near."


def test_a_table_without_body_rows_and_a_heading_inside_a_quote_are_kept():
    table, quote = content_blocks("| a | b |\n|---|---|\n\n> ## inside\n")
    assert isinstance(table, Table) and table.rows == ()
    assert quote.blocks == (Heading(2, (Span("inside"),)),)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#*_-|>`[]()!1. \n\tab<>\\~")), max_size=80))
def test_any_text_gives_blocks_and_never_an_error(text):
    blocks = content_blocks(text)
    assert isinstance(blocks, tuple)
    found = levels(text)
    assert all(2 <= level <= 6 for level in found)
    assert all(b <= a + 1 for a, b in itertools.pairwise([1, *found]))


def test_html_in_content_is_shown_as_its_text_never_as_markup():
    # The parser is built with HTML off: a tag in a reading stays words on the page.
    from decisionaid.gui.markdown_blocks import content_blocks, text_of

    found = content_blocks("Before <b>bold</b> after\n\n<div>block</div>\n")
    text = " ".join(text_of(block.spans) for block in found if hasattr(block, "spans"))
    assert "<b>bold</b>" in text and "<div>block</div>" in text
