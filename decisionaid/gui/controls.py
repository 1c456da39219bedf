"""Small building blocks every view uses: labelled buttons, headings, page text."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import flet as ft

MIN_TARGET = 48  # px: touch targets at least this tall and wide
BODY_SIZE = 18  # px at 100% text size: the theme's body_large
LIST_NUMBER_EMS = 2.2  # the width of a list's numbers ("10.", "27."), in letter heights

_PADDING = ft.Padding.symmetric(horizontal=24, vertical=14)
# Drawn outside the button, on the page (text colour on the page: >= 4.5:1 in every theme):
# inside, on a chosen button's fill, it changed nothing by 3:1 (primary vs on_surface).
_FOCUSED = ft.BorderSide(3, ft.Colors.ON_SURFACE, stroke_align=ft.BorderSideStrokeAlign.OUTSIDE)
FILLED_STYLE = ft.ButtonStyle(padding=_PADDING, side={ft.ControlState.FOCUSED: _FOCUSED})
OUTLINED_STYLE = ft.ButtonStyle(
    padding=_PADDING,
    side={ft.ControlState.FOCUSED: _FOCUSED, ft.ControlState.DEFAULT: ft.BorderSide(1, ft.Colors.OUTLINE)},
)
CHOSEN_STYLE = ft.ButtonStyle(
    padding=_PADDING,
    bgcolor=ft.Colors.PRIMARY,
    color=ft.Colors.ON_PRIMARY,
    icon_color=ft.Colors.ON_PRIMARY,
    side={ft.ControlState.FOCUSED: _FOCUSED, ft.ControlState.DEFAULT: ft.BorderSide(1, ft.Colors.PRIMARY)},
)
"""Buttons get a thick outline when they have keyboard focus (WCAG 2.4.7), in every theme;
a chosen button (the top three on What matters) is filled, on the same kind of button."""


def action_button(
    identifier: str,
    label: str,
    on_click: Callable[[], None] | Callable[[], Awaitable[None]],
    primary: bool = False,
    icon: ft.IconData | None = None,
) -> ft.Control:
    """A button with a stable test identifier, a spoken label and a 48 px target."""
    kind = ft.FilledButton if primary else ft.OutlinedButton
    if inspect.iscoroutinefunction(on_click):

        async def handler(_e) -> None:
            await on_click()
    else:

        def handler(_e) -> None:
            on_click()

    button = kind(
        content=label,
        icon=icon,
        on_click=handler,
        style=FILLED_STYLE if primary else OUTLINED_STYLE,
    )
    return ft.Semantics(identifier=identifier, content=button)


def choice_row(
    identifier: str,
    choices: Sequence[tuple[object, str]],
    chosen: object,
    on_choose: Callable[[object], None],
    label: str | None = None,
) -> ft.Control:
    """Steps on a scale (importance, text size, theme) as a radio group laid out across, so
    the whole row is one Tab stop and the arrow keys move between the steps and pick one,
    as in every other question. Each choice's identifier is `identifier-<value>`; `label`
    names the group for screen readers (what the choices are about).

    They were buttons: each step was its own Tab stop (70 Tabs to reach Next on What
    matters, audit D30), a button inside a button (D2), and the chosen one was read only
    as "current". A radio is announced as checked or not, and the dot shows it besides
    colour. Values may be any type; the group works in their text form."""
    by_text = {str(value): value for value, _ in choices}
    return radio_group(
        identifier,
        None if chosen is None else str(chosen),
        [(str(value), text) for value, text in choices],
        lambda text: on_choose(by_text[text]),
        label=label,
        across=True,
    )


def heading(text: str, level: int = 1) -> ft.Control:
    """A page or section heading, announced as a heading to screen readers."""
    style = {1: ft.TextThemeStyle.HEADLINE_MEDIUM, 2: ft.TextThemeStyle.TITLE_LARGE}.get(
        level, ft.TextThemeStyle.TITLE_MEDIUM
    )
    # Its own node (container): a heading without one took in the text after it, and a
    # whole option card was read as one long heading (seen in Chromium).
    return ft.Semantics(
        header=True,
        heading_level=level,
        container=True,
        content=ft.Text(text, theme_style=style, weight=ft.FontWeight.W_600),
    )


def text_node(text: str, **style: Any) -> ft.Control:
    """Text that is its own node for screen readers, read where it stands.

    Flutter joins plain Text into the nearest node around it: in a card or block with a
    stable identifier, the facts became one label read before the card's heading
    (audit D13). As its own node, each text is read in place, after the heading."""
    return ft.Semantics(container=True, content=ft.Text(text, **style))


def paragraph(text: str) -> ft.Control:
    """Body text at the reading size, its own node for screen readers (see text_node)."""
    return text_node(text, theme_style=ft.TextThemeStyle.BODY_LARGE)


def markdown(text: str, scale: float, top: int = 2) -> ft.Control:
    """Content Markdown as the app's own controls, at the reading size `scale`: headings as
    headings (from level `top`, under the page's h1), paragraphs and list items each their
    own node, tables with column headers (see markdown_view).

    Flet's Markdown control read all of it as flat text, an opened reading as one label of
    thousands of characters (audit D5); it was also a nameless Tab stop when selectable
    (D10) and took colours that failed in the dark theme (D7, D8). Nothing here is a Tab
    stop but links, and every colour comes from the theme."""
    # Imported here: markdown_view builds on heading() and the sizes above.
    from decisionaid.gui.markdown_view import MarkdownView

    return MarkdownView(text, scale, top)


def meter(value: float, height: int, spoken: str) -> ft.Control:
    """A bar that shows a share (progress, fit), readable in every theme.

    Fill and track are set from the theme's own pairs (primary on the highest surface
    container, >= 3:1 in every palette; tests/gui/test_theme.py) and the track has an
    outline, so its end shows against the page. Left to Flutter, the high-contrast
    theme drew the track in the fill's colour: every bar looked full (audit D6)."""
    return ft.Container(
        content=ft.ProgressBar(
            value=value,
            bar_height=height,
            color=ft.Colors.PRIMARY,
            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
            border_radius=4,
            semantics_label=spoken,
        ),
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=5,
    )


def opened(event: ft.Event) -> bool:
    """Whether an ExpansionTile's change event says it is now open."""
    return event.data in (True, "true")


@ft.component
def Fold(identifier: str, title: str, controls: list[ft.Control]) -> ft.Control:
    """Detail folded away under a title, opened by click, Enter or Space.

    Whether it is open is kept here: the tile's own `expanded` would be set back to
    closed by the next re-render of the page (a resize, an answer saved).

    The detail is sent to the browser only while the fold is open: Flutter does not build
    a closed tile's children, but Flet diffs and sends them with the page, and a page's
    closed folds were a third of what a click sent (issue 16)."""
    is_open, set_open = ft.use_state(False)
    return ft.Semantics(
        identifier=identifier,
        content=ft.ExpansionTile(
            title=ft.Text(title),
            controls=controls if is_open else [],
            controls_padding=ft.Padding.symmetric(horizontal=12, vertical=4),
            expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
            expanded=is_open,
            on_change=lambda e: set_open(opened(e)),
        ),
    )


LONG_TEXT = {"multiline": True, "min_lines": 4, "max_length": 10_000}
"""TextEntry options for a notes field."""


def TextEntry(identifier: str, label: str, value: str = "", **options: Any) -> ft.Control:
    """A text field the person types into (see `_TextEntry`), keyed by its identifier: when
    the rows above it change (a question added), it stays the same field, with its state
    and the keyboard focus, instead of being made anew in its new place."""
    return _TextEntry(identifier, label, value, key=identifier, **options)


@ft.component
def _TextEntry(
    identifier: str,
    label: str,
    value: str = "",
    *,
    for_answers: object = None,
    on_text: Callable[[str], None] | None = None,
    on_submit: Callable[[str], bool] | None = None,
    **options: Any,
) -> ft.Control:
    """A text field the person types into, with every key kept.

    The field is made once per set of answers (`for_answers`, e.g. when the session was
    created) and then left to the client, like an uncontrolled input: a field rebuilt with
    the saved value on every re-render would send older text back while keys are still
    on their way, and the last few would be lost. `on_text` gets the text on every change;
    `on_submit` gets it on Enter and returns whether to empty the field."""

    emptied, set_emptied = ft.use_state(0)

    def submitted(e: ft.Event) -> None:
        if on_submit is not None and on_submit(e.control.value or ""):
            set_emptied(lambda n: n + 1)  # a new, empty field replaces this one

    def make() -> ft.TextField:
        return ft.TextField(
            # A key of its own per emptying: a field equal to the old one but for its key
            # would be patched, not replaced, and keep the typed text on the screen.
            key=f"{identifier}-{emptied}",
            value="" if emptied else value,
            label=label,
            # The new, empty field takes the keyboard focus the old one had: left alone,
            # focus went to the page and the next Tab to the top, off-screen (audit D4).
            autofocus=bool(emptied),
            expand=True,
            on_change=(lambda e: on_text(e.control.value or "")) if on_text else None,
            on_submit=submitted if on_submit else None,
            **options,
        )

    field = ft.use_memo(make, dependencies=[for_answers, emptied])

    # As wide as the page (Flet makes a field 300 px wide unless it expands): at 300 px the
    # notes field's label wrapped and its last word sat on the box's border (persona walks).
    return ft.Semantics(identifier=identifier, content=ft.Row([field]))


def _with_words(
    identifier: str,
    text: str,
    control: ft.Control,
    on_tap: Callable[[], None],
    across: bool = False,
    **options: Any,
) -> ft.Control:
    """A radio or checkbox with its words beside it, wrapping onto more lines as needed.

    A Flet Radio's or Checkbox's own label is laid out on one line that is cut off when it
    is longer than the screen is wide (seen on a 390 px phone: knowledge-check answers and
    hard limits lost their ends). The words are a Text that wraps, and a tap on them works
    as a tap on the control. MergeSemantics makes the control, its words and the tap area
    one node: a radio or checkbox named by its words (a label on a wrapper named only the
    wrapper, and the tap area was an empty "button" beside it). `across`: one of several
    short choices side by side, so the words take only the room they need."""
    return ft.MergeSemantics(
        content=ft.Semantics(
            identifier=identifier,
            content=ft.Row(
                [
                    control,
                    ft.Container(
                        content=ft.Text(text),
                        expand=not across,
                        on_click=lambda e: on_tap(),
                        padding=ft.Padding.only(top=10, bottom=10, right=8 if across else 0),
                    ),
                ],
                spacing=0,
                tight=across,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
                **options,
            ),
        )
    )


def radio_group(
    identifier: str,
    value: str | None,
    choices: list[tuple[str, str]],
    on_pick: Callable[[str], None],
    label: str | None = None,
    across: bool = False,
) -> ft.Control:
    """A set of answers, one of which may be picked; `label` (the question) names the group.

    The group is one Tab stop: Flutter's radio group lets Tab reach only the picked answer
    (or the first, when none is picked) and the arrow keys move between the answers and
    pick them, as a browser's radio buttons do (checked in Chromium by
    tests/e2e/test_keyboard_journey_in_chromium.py). `across` lays the answers side by
    side, wrapping onto more lines on a narrow screen (choice_row).

    An answer changes only when another is picked: a second click or Space on the chosen
    one keeps it (a double tap used to clear "Under 18", and going over a step again
    cleared seven knowledge answers). Each answer's identifier is `<identifier>-<value>`."""
    answers = [
        _with_words(f"{identifier}-{v}", text, ft.Radio(value=v), lambda v=v: on_pick(v), across=across)
        for v, text in choices
    ]
    layout = ft.Row(answers, wrap=True, spacing=0, run_spacing=0) if across else ft.Column(answers, spacing=0)
    group = ft.RadioGroup(
        value=value,
        on_change=lambda e: on_pick(e.control.value) if e.control.value else None,
        content=layout,
    )
    return ft.Semantics(container=True, label=label, content=group) if label else group


def checkbox_choice(
    identifier: str, checked: bool, text: str, on_change: Callable[[bool], None], **options: Any
) -> ft.Control:
    """A checkbox whose words wrap (see _with_words); `on_change` gets whether it is ticked."""
    return _with_words(
        identifier,
        text,
        ft.Checkbox(value=checked, on_change=lambda e: on_change(bool(e.control.value))),
        lambda: on_change(not checked),
        **options,
    )


def go(page: ft.Page, path: str) -> None:
    """Show the page at `path` now, and put it in the browser's address and history.

    `page.navigate` alone asks the browser to change its address and draws the new page
    only when the browser reports the change back: a round trip between click and page
    (issue 16). The router is told at once instead; the report that follows names the
    page already shown, so nothing is drawn twice (the router's state ignores an equal
    value). Browser Back and Forward still come through the router's own handler."""
    handler = page.on_route_change
    if handler is not None:
        handler(ft.RouteChangeEvent(name="route_change", control=page, route=path))
    page.navigate(path)
