"""Words explained: the plain-words glossary, A to Z, each term a heading with its meaning."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.glossary import GlossaryTerm, alphabetical
from decisionaid.domain.outcome_view import short_citation
from decisionaid.domain.references import strip_citations
from decisionaid.gui.controls import action_button, go, heading, paragraph, text_node
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.shell import GLOSSARY_ICON, GLOSSARY_PATH


def glossary_pointer(state: AppState, page: ft.Page) -> ft.Control:
    """One line and a button to Words explained, for pages where hard words first appear."""
    return ft.Column(
        [
            paragraph(state.t("glossary.pointer")),
            action_button(
                "open-glossary",
                state.t("glossary.open"),
                lambda: go(page, GLOSSARY_PATH),
                icon=GLOSSARY_ICON,
            ),
        ],
        spacing=8,
    )


def term_block(state: AppState, entry: GlossaryTerm) -> list[ft.Control]:
    """A term as a level-2 heading, its other names, its meaning, and its short citations."""
    parts: list[ft.Control] = [heading(entry.term, level=2)]
    if entry.also:
        parts.append(text_node(state.t("glossary.also", names=", ".join(entry.also)), italic=True))
    parts.append(paragraph(strip_citations(entry.definition)))
    if entry.sources:
        cited = dict.fromkeys(short_citation(state.content.sources[s]) for s in entry.sources)
        parts.append(text_node(state.t("glossary.sources", sources="; ".join(cited)), italic=True))
    return [ft.Column(parts, spacing=4)]


@ft.component
def GlossaryPage():
    """Every term of the glossary, A to Z."""
    state = use_app_state()
    controls: list[ft.Control] = [
        heading(state.t("step.glossary.title")),
        paragraph(state.t("glossary.intro")),
    ]
    for entry in alphabetical(state.content.glossary):
        controls += term_block(state, entry)
    return ft.Column(controls, spacing=20)
