"""The About page: purpose, authors, funding, update policy, version and date."""

from __future__ import annotations

import flet as ft

from decisionaid import __version__
from decisionaid.domain.references import citation_line, number_citations
from decisionaid.gui.controls import Fold, heading, markdown, paragraph
from decisionaid.gui.state import use_app_state


def references_block(title: str, sources, scale: float) -> list[ft.Control]:
    """A numbered list of the sources a page cites."""
    if not sources:
        return []
    lines = "\n".join(f"{n}. {citation_line(s)}" for n, s in enumerate(sources, start=1))
    return [heading(title, level=2), markdown(lines, scale)]


@ft.component
def About():
    """Renders about.md, with the clinicians' part folded away."""
    state = use_app_state()
    about = state.content.about
    parts = [about.body.patient, about.body.clinician or ""]
    (patient, clinician), cited = number_citations(parts, state.content.sources)
    controls: list[ft.Control] = [
        heading(about.title),
        paragraph(
            state.t("about.version", version=about.content_version, date=about.content_date.isoformat())
        ),
        paragraph(state.t("about.app_version", version=__version__)),
        markdown(patient, state.display.text_scale),
    ]
    if clinician:
        controls.append(
            Fold(
                "about-clinicians",
                state.t("about.for_clinicians"),
                [markdown(clinician, state.display.text_scale)],
            )
        )
    controls += references_block(state.t("about.sources"), cited, state.display.text_scale)
    return ft.Column(controls, spacing=16)
