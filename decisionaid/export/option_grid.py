"""The summary's option grid in each format: the same cells, words and source numbers.

`markdown_html.py` prints `grid_markdown` (the HTML is made from it) and the PDF prints
`grid_section` through `summary.typ`; both print each cell's own words and take its
source numbers from `refs_words`, so the three formats say the same things. The numbers
in brackets are the cell's sources in the summary's reference list.
"""

from __future__ import annotations

from decisionaid.domain.option_grid import GridCell, GridColumn, OptionGrid
from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.pdf_data import Cleaner, Data


def refs_words(cell: GridCell) -> str:
    """The cell's source numbers as printed after it: "[3, 12]", or "" when it cites none."""
    return f"[{', '.join(str(n) for n in cell.refs)}]" if cell.refs else ""


def cell_words(cell: GridCell) -> str:
    """A cell as one line of text: its words, then its source numbers."""
    refs = refs_words(cell)
    return f"{cell.text} {refs}" if refs else cell.text


def column_words(column: GridColumn) -> str:
    """A column's title in one line: the option and why it is there."""
    return f"{column.name} ({column.role})"


def _md_cell(text: str) -> str:
    # A bar would end the cell and a line break the row: neither may reach the table.
    return " ".join(text.replace("|", "\\|").split())


def grid_markdown(grid: OptionGrid | None) -> list[str]:
    """The grid as Markdown: its heading, the intro, a table (a column per option, a row per
    question), and which options were left out; or, with no option named, why not."""
    if grid is None:  # a summary made before the grid
        return []
    lines = [f"## {grid.title}", ""]
    if not grid.columns:
        return [*lines, grid.none or "", ""]
    lines += [grid.intro, ""]
    lines.append("| " + " | ".join([grid.corner, *(_md_cell(column_words(c)) for c in grid.columns)]) + " |")
    lines.append("|" + "---|" * (len(grid.columns) + 1))
    for row in grid.rows:
        lines.append(
            "| " + " | ".join([f"**{row.question}**", *(_md_cell(cell_words(c)) for c in row.cells)]) + " |"
        )
    if grid.left_out:
        lines += ["", grid.left_out]
    return [*lines, ""]


def grid_section(summary: DiscussionSummary, clean: Cleaner) -> Data | None:
    """The grid as the PDF template's data: on a page of its own, a table whose header cells
    name the options; each cell its words and its source numbers."""
    grid = summary.grid
    if grid is None:
        return None
    return {
        "kind": "grid",
        "heading": clean(grid.title),
        "intro": clean(grid.intro) if grid.columns else None,
        "none": clean(grid.none) if grid.none else None,
        "corner": clean(grid.corner),
        "columns": [{"name": clean(c.name), "role": clean(c.role)} for c in grid.columns],
        "rows": [
            {
                "question": clean(row.question),
                "cells": [
                    {"text": clean(c.text), "refs": refs_words(c), "known": c.known} for c in row.cells
                ],
            }
            for row in grid.rows
        ],
        "left_out": clean(grid.left_out) if grid.left_out else None,
    }
