"""The About page: purpose, authors, funding, update policy, version and date."""

from __future__ import annotations

from collections.abc import Sequence

import flet as ft

from decisionaid import __version__
from decisionaid.domain.content import MarkdownBody
from decisionaid.domain.references import citation_line, number_citations
from decisionaid.gui.controls import Fold, heading, markdown, paragraph
from decisionaid.gui.state import AppState, use_app_state


def references_block(title: str, sources, scale: float) -> list[ft.Control]:
    """A numbered list of the sources a page cites."""
    if not sources:
        return []
    lines = "\n".join(f"{n}. {citation_line(s)}" for n, s in enumerate(sources, start=1))
    return [heading(title, level=2), markdown(lines, scale)]


def reading(
    state: AppState,
    body: MarkdownBody,
    clinicians_id: str,
    clinicians_title: str,
    figures: Sequence[ft.Control] = (),
) -> list[ft.Control]:
    """A reading (About, a Learn module, an option's own text) as controls: its patient text,
    any `figures`, its clinicians' part folded under `clinicians_title`, then the sources it
    cites, numbered in the order the reader meets them."""
    (patient, clinician), cited = number_citations(
        [body.patient, body.clinician or ""], state.content.sources
    )
    controls: list[ft.Control] = [markdown(patient, state.display.text_scale), *figures]
    if clinician:
        controls.append(
            Fold(clinicians_id, clinicians_title, [markdown(clinician, state.display.text_scale)])
        )
    return controls + references_block(state.t("about.sources"), cited, state.display.text_scale)


@ft.component
def About():
    """Renders about.md, with the clinicians' part folded away."""
    state = use_app_state()
    about = state.content.about
    controls: list[ft.Control] = [
        heading(about.title),
        paragraph(
            state.t("about.version", version=about.content_version, date=about.content_date.isoformat())
        ),
        paragraph(state.t("about.app_version", version=__version__)),
        *reading(state, about.body, "about-clinicians", state.t("about.for_clinicians")),
    ]
    return ft.Column(controls, spacing=16)
