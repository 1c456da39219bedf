"""The fit section of the PDF as data: bands with their intervals, the alignment grid, reasons, options apart.

Options keep the summary's fixed order, never sorted by fit. Every band has its
interval in words beside it and every grid cell a shape and a word, so nothing
rests on colour or position alone, in colour or in greyscale print. The bands
are one figure whose alternative text says, in words, all the picture shows.
"""

from __future__ import annotations

from decisionaid.domain.fit_summary import FitLine
from decisionaid.domain.summary import DiscussionSummary
from decisionaid.export.pdf_data import Cleaner, Data, with_colon
from decisionaid.export.wording import apart_marks, fixed_words


def fit_section(summary: DiscussionSummary, clean: Cleaner) -> Data:
    """The whole fit section, from its heading to the options apart."""
    available = summary.fit_available
    apart = None
    if summary.apart:
        items = [
            {
                "text": clean(f"{a.option} ({a.standing}): {' '.join(a.reasons)}".rstrip(": ")),
                "marks": [clean(m) for m in apart_marks(summary, a)],
            }
            for a in summary.apart
        ]
        apart = {"title": clean(fixed_words(summary, "apart_title")), "items": items}
    return {
        "kind": "fit",
        "heading": clean(summary.headings["fit"]),
        "explainer": clean(summary.fit_explainer),
        "order": clean(summary.fit_order),
        "notes": [clean(note) for note in summary.fit_notes],
        "bands": _bands(summary, clean) if available and summary.fits else None,
        "grid": _grid(summary, clean) if available and summary.fits and summary.grid_priorities else None,
        "details": {
            # With or without a fit: the option headings under it are level 3, never a skipped level.
            "title": clean(fixed_words(summary, "details_title")),
            "options": [
                {"name": clean(_option_name(summary, line)), "reasons": reasons}
                for line in summary.fits
                if (reasons := [[clean(label), clean(value)] for label, value in _reasons(summary, line)])
            ],
        },
        "apart": apart,
    }


def _option_name(summary: DiscussionSummary, line: FitLine) -> str:
    return f"{line.option} ({fixed_words(summary, 'uses_now')})" if line.uses_now else line.option


def _band_notes(summary: DiscussionSummary, line: FitLine) -> list[tuple[bool, str]]:
    """The lines under a band: its status ("No licence found where you live", review M4-10,
    where the comparison is read, as on screen), the options it cannot be told apart from,
    then each limit it crosses (True: printed after a warning sign)."""
    notes = [(False, line.status_note)] if line.status_note else []
    notes += [(False, line.overlaps)] if line.overlaps else []
    crosses = fixed_words(summary, "limits_crossed")
    return notes + [(True, f"{crosses}: {limit}") for limit in line.limits_crossed]


def _bands(summary: DiscussionSummary, clean: Cleaner) -> Data:
    """One row per option: its name, a track from 0 to 100 with the interval filled and its
    best estimate, and the band and interval in words."""
    uses_now = fixed_words(summary, "uses_now")
    rows = [
        {
            "name": clean(line.option),
            "uses_now": clean(uses_now) if line.uses_now else None,
            "low": _percent(line.low),
            "fit": _percent(line.fit),
            "high": _percent(line.high),
            "words": clean(line.interval),
            "notes": [{"warn": warn, "text": clean(text)} for warn, text in _band_notes(summary, line)],
        }
        for line in summary.fits
    ]
    return {
        "title": clean(fixed_words(summary, "bands_title")),
        "alt": clean(bands_alt_text(summary)),
        "rows": rows,
        "low": clean(fixed_words(summary, "scale_low")),
        "high": clean(fixed_words(summary, "scale_high")),
        "key": clean(fixed_words(summary, "bands_key")),
    }


def _percent(value: int) -> int:
    return max(0, min(100, value))


def bands_alt_text(summary: DiscussionSummary) -> str:
    """What the bands picture shows, in words: the scale, then each option's band and interval
    and what is said under its bar. A screen reader reads this in place of the picture."""
    lines = [f"{fixed_words(summary, 'bands_title')}. {fixed_words(summary, 'scale_low')}; "]
    lines[0] += f"{fixed_words(summary, 'scale_high')}. {fixed_words(summary, 'bands_key')}"
    for line in summary.fits:
        said = [f"{_option_name(summary, line)}: {line.interval}."]
        said += [text if text.endswith(".") else f"{text}." for _, text in _band_notes(summary, line)]
        lines.append(" ".join(said))
    return " ".join(lines)


def _grid(summary: DiscussionSummary, clean: Cleaner) -> Data:
    """Rows are the person's priorities, columns the options; each cell a shape and a word."""
    crosses = clean(fixed_words(summary, "limits_crossed"))
    rows = []
    for row, priority in enumerate(summary.grid_priorities):
        cells = [
            {"alignment": line.cells[row].alignment, "word": clean(line.cells[row].word)}
            if row < len(line.cells)
            else None
            for line in summary.fits
        ]
        rows.append({"priority": clean(priority), "cells": cells})
    return {
        "title": clean(fixed_words(summary, "grid_title")),
        # What good, mixed and poor are measured against (review M5-1), as the screen says.
        "key": clean(fixed_words(summary, "grid_key")),
        "corner": clean(fixed_words(summary, "priority_column")),
        "columns": [
            {"name": clean(_option_name(summary, line)), "crosses": crosses if line.limits_crossed else None}
            for line in summary.fits
        ],
        "rows": rows,
    }


def _reasons(summary: DiscussionSummary, line: FitLine) -> list[tuple[str, str]]:
    """One option's reasons in words: its band, each priority, contrasts, limits crossed, notes."""
    reasons: list[tuple[str, str]] = []
    if line.status_note and not summary.fit_available:
        # With a fit, the status is printed under the band (`_band_notes`), not twice.
        reasons.append(("", line.status_note))
    if summary.fit_available:
        reasons.append(("", line.interval))
        reasons += [(with_colon(f"{c.priority} ({c.word})"), c.reason) for c in line.cells]
        reasons += [("", c) for c in line.contrasts]
    reasons += [(with_colon(fixed_words(summary, "limits_crossed")), s) for s in line.limits_crossed]
    if line.flags:
        reasons.append((with_colon(fixed_words(summary, "flags")), ", ".join(line.flags)))
    return reasons
