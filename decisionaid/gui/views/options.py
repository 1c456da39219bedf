"""Your options: one card per option for this person's type, with its care-team notes."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import Option, Range, Statement, in_shown_order
from decisionaid.domain.eligibility import Apart, for_type, standing
from decisionaid.domain.figures import (
    IconArrayView,
    doses_chart,
    icon_arrays_for,
    icon_caption,
    icon_group_line,
)
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.domain.references import CITATION, citation_line, number_citations
from decisionaid.domain.tailoring import FlagNote, flag_notes, notes_for_option
from decisionaid.gui.controls import Fold, heading, opened, paragraph, text_node
from decisionaid.gui.figures import Gauge, dose_chart, icon_array
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.about import reading
from decisionaid.gui.views.glossary import glossary_pointer
from decisionaid.gui.views.outcome_rows import outcome_section


def _number(value: float) -> str:
    return f"{value:g}"


def with_sources(text: str, sources: list[str]) -> str:
    """The text with its listed sources cited at its end (those it does not cite inline
    already), so one numbering covers both kinds of citation."""
    inline = {part.strip().lstrip("@") for group in CITATION.findall(text) for part in group.split(";")}
    extra = [s for s in dict.fromkeys(sources) if s not in inline]
    return f"{text} [@{'; @'.join(extra)}]" if extra else text


class CardCitations:
    """The card's facts and statements with their sources numbered [1], [2] in the order the
    reader meets them, and the numbered list they point to (issue 15: the cards showed
    numbers with their sources stripped)."""

    def __init__(self, state: AppState, option: Option):
        self.keys: list[str] = []
        texts: list[str] = []
        for key, text, sources in _card_texts(state, option):
            self.keys.append(key)
            texts.append(with_sources(text, sources))
        numbered, self.sources = number_citations(texts, state.content.sources)
        self.text = dict(zip(self.keys, numbered, strict=True))

    def list_block(self, state: AppState, option: Option) -> list[ft.Control]:
        """The full references behind the numbers, folded at the card's end."""
        if not self.sources:
            return []
        lines = [text_node(f"{n}. {citation_line(s)}") for n, s in enumerate(self.sources, start=1)]
        return [Fold(f"sources-{option.id}", state.t("options.sources", name=option.name), lines)]


def _card_texts(state: AppState, option: Option) -> list[tuple[str, str, list[str]]]:
    """(key, text, listed sources) of every sourced line of a card, in the order shown."""
    texts = []
    if option.doses_per_year:
        doses = option.doses_per_year
        texts.append(("doses", range_text(state, doses, "options.doses"), doses.sources))
    if option.factor_level:
        level = option.factor_level
        key = "options.factor_rise" if level.measure == "average_rise" else "options.factor_level"
        texts.append(("factor_level", range_text(state, level, key), level.sources))
    for name in ("benefits", "harms", "commitments", "unknowns", "eligibility"):
        items: list[Statement] = getattr(option, name)
        texts += [(f"{name}.{i}", s.text, s.sources) for i, s in enumerate(items)]
    return texts


def range_text(state: AppState, value: Range, key: str) -> str:
    """'low to high' (or one number) followed by what it means, citations kept."""
    span = _number(value.low) if value.low == value.high else f"{_number(value.low)}-{_number(value.high)}"
    return state.t(key, span=span, note=value.note)


def statements(title: str, name: str, items: list[Statement], cited: CardCitations) -> ft.Control:
    """A titled bulleted list, each line with its source numbers; benefits and harms use this
    same shape (equal detail)."""
    return ft.Column(
        [
            ft.Text(title, weight=ft.FontWeight.W_600),
            *(ft.Text(f"• {cited.text[f'{name}.{i}']}") for i in range(len(items))),
        ],
        spacing=4,
        expand=True,
    )


def note_box(state: AppState, note: FlagNote) -> ft.Control:
    """An 'ask your care team' note: why it shows, what it says, what to ask.

    A heading and a node per text, so a screen reader can move through it by heading and
    line: as plain texts in one box it was a single long label ("Ask your care team, Ask
    your care team: ..., You said ..., ..."), its icon's name read twice (audit D13, D21)."""
    return ft.Container(
        ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.CONTACT_SUPPORT_OUTLINED),  # the heading says it
                        ft.Container(
                            heading(f"{state.t('options.ask_team')}: {note.flag.title}", level=3), expand=True
                        ),
                    ]
                ),
                text_node(note.reason, italic=True),
                text_node(note.text),
            ],
            spacing=4,
        ),
        padding=12,
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=8,
    )


def compact_figures(state: AppState) -> bool:
    """Whether charts need their compact layout: a phone, or text at 150% or more."""
    return state.narrow or state.display.text_scale >= 1.5


def icon_figures(state: AppState, views: list[IconArrayView], level: int = 2) -> list[ft.Control]:
    """Icon arrays of 100 people, each captioned with who was counted and when (headings at
    `level`: 3 inside an option card)."""
    return [
        icon_array(
            view,
            icon_caption(state.content, view),
            state.t("figure.words"),
            lambda count, label: icon_group_line(state.content, count, label),
            level,
        )
        for view in views
    ]


def option_card(
    state: AppState, option: Option, notes: list[FlagNote], apart: Apart | None = None
) -> ft.Control:
    """Everything a person needs to picture one option, numbers with their meaning; for an
    option not scored for this person, why, under its name (as the fit page says it)."""
    cited = CardCitations(state, option)
    group = inhibitor_group(state.session.profile.inhibitors)  # review R9-2: pictures by group
    facts = [
        f"{state.t('options.given')}: {option.given}",
        f"{state.t('options.how_often')}: {option.how_often}",
    ]
    if option.doses_per_year:  # an on-demand card has no schedule
        facts.append(cited.text["doses"])
    if option.factor_level:
        facts.append(cited.text["factor_level"])
    facts += [
        f"{state.t('options.in_use')}: {option.years_in_use}",
        f"{state.t('options.where')}: {option.availability}",
    ]
    status = (
        []
        if option.status == "available"
        else [text_node(state.t(f"summary.status.{option.status}"), italic=True)]
    )
    if option.id == state.session.profile.current_treatment:
        # It stands first, as the reference point (model review M2-14): say why.
        status.insert(0, text_node(state.t("fit.uses_now"), italic=True))
    if apart is not None and apart.standing != "withdrawn":  # withdrawn says so above
        why = " ".join(apart.reasons)
        status.append(text_node(f"{state.t(f'summary.apart.{apart.standing}')}: {why}", italic=True))
    return ft.Semantics(
        identifier=f"option-{option.id}",
        container=True,
        content=ft.Card(
            content=ft.Container(
                ft.Column(
                    [
                        heading(option.name, level=2),
                        text_node(option.generic, italic=True),
                        *status,
                        *(text_node(f) for f in facts),
                        outcome_section(state, option),
                        *icon_figures(
                            state,
                            icon_arrays_for(state.content, option.id, group, state.session.profile),
                            level=3,
                        ),
                        *(note_box(state, n) for n in notes),
                        more_fold(state, option, cited),
                        OptionBody(option),
                        *cited.list_block(state, option),
                    ],
                    spacing=6,
                ),
                padding=16,
            )
        ),
    )


def more_fold(state: AppState, option: Option, cited: CardCitations) -> ft.Control:
    """The option's good points, downsides, commitments, unknowns and who it is for, folded,
    and sent to the browser only once opened (as every `Fold`: these were 400 of the 1,900
    controls Options sent on each arrival; issue 16).

    Its own node (container): inside a card whose texts are nodes of their own, the fold
    was otherwise folded into the card's label and lost its button (seen in Chromium)."""
    return ft.Semantics(
        container=True,
        content=Fold(
            f"more-{option.id}",
            state.t("options.more"),
            [
                ft.ResponsiveRow(
                    [
                        ft.Container(
                            statements(state.t("options.benefits"), "benefits", option.benefits, cited),
                            col={"xs": 12, "md": 6},
                        ),
                        ft.Container(
                            statements(state.t("options.harms"), "harms", option.harms, cited),
                            col={"xs": 12, "md": 6},
                        ),
                    ]
                ),
                statements(state.t("options.commitments"), "commitments", option.commitments, cited),
                statements(state.t("options.unknowns"), "unknowns", option.unknowns, cited),
                statements(state.t("options.eligibility"), "eligibility", option.eligibility, cited),
            ],
        ),
    )


@ft.component
def OptionBody(option: Option) -> ft.Control:
    """The option's own reading (its Markdown body), folded, with its clinicians' part folded
    again and its sources listed. Built only once opened: a body drawn for every card on
    the page would be sent on each render (as Learn's readings are, see learn.ModuleTile)."""
    state = use_app_state()
    is_open, set_open = ft.use_state(False)
    inner: list[ft.Control] = []
    if is_open:
        inner = reading(state, option.body, f"body-clinicians-{option.id}", state.t("learn.for_clinicians"))
    return ft.Semantics(
        identifier=f"body-{option.id}",
        container=True,
        content=ft.ExpansionTile(
            title=ft.Text(state.t("options.read_more", name=option.name)),
            controls=inner,
            controls_padding=ft.Padding.all(12),
            expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
            expanded=is_open,
            on_change=lambda e: set_open(opened(e)),
        ),
    )


@ft.component
def Options():
    """The options for this person's type: what he uses now, staying as you are, the others
    from A to Z, then any product that is no longer offered."""
    state = use_app_state()
    profile = state.session.profile
    shown = in_shown_order(for_type(state.content, profile), profile.current_treatment)
    notes = flag_notes(state.content, state.session.profile)
    apart = {a.option_id: a for a in standing(state.content, profile)[1]}
    kind = state.session.profile.hemophilia_type
    return ft.Column(
        [
            heading(state.t("step.options.title")),
            # With no type known he sees both types' options, not "the options for your type" (R8-7).
            paragraph(state.t("options.intro" if kind in ("A", "B") else "options.intro_type_unknown")),
            glossary_pointer(state, ft.context.page),
            Gauge(
                state.content,
                kind,
                state.t("figure.words"),
                state.t("figure.scale.switch"),
                compact=compact_figures(state),
            ),
            dose_chart(
                "figure-doses",
                doses_chart(state.content, kind),
                state.t("figure.words"),
                state.t("figure.doses.once_short"),
            ),
            *(option_card(state, o, notes_for_option(notes, o.id), apart.get(o.id)) for o in shown),
        ],
        spacing=16,
    )
