"""Composition root: builds the app for the real entry point and for the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flet as ft

from decisionaid.gui.routes import JOURNEY
from decisionaid.gui.state import AppContext, AppState
from decisionaid.gui.theme import FONTS, apply_display, build_theme
from decisionaid.gui.views.about import About
from decisionaid.gui.views.about_you import AboutYou
from decisionaid.gui.views.clinician import Clinician
from decisionaid.gui.views.compare import Compare
from decisionaid.gui.views.display import DisplaySettings
from decisionaid.gui.views.fit import Fit
from decisionaid.gui.views.glossary import GlossaryPage
from decisionaid.gui.views.learn import Learn
from decisionaid.gui.views.options import Options
from decisionaid.gui.views.ready import Ready
from decisionaid.gui.views.shell import Shell
from decisionaid.gui.views.summary import Summary
from decisionaid.gui.views.values import Values
from decisionaid.gui.views.welcome import Welcome
from decisionaid.loader import ContentProblems, load_content

BUILT = {
    "welcome": Welcome,
    "about_you": AboutYou,
    "learn": Learn,
    "options": Options,
    "compare": Compare,
    "values": Values,
    "fit": Fit,
    "ready": Ready,
    "summary": Summary,
}


def route_table() -> list[ft.Route]:
    """Every route of the app, inside the shell layout."""
    journey = [
        ft.Route(index=True, component=Welcome)
        if step.path == "/"
        else ft.Route(path=step.path.lstrip("/"), component=BUILT[step.key])
        for step in JOURNEY
    ]
    aside = [
        ft.Route(path="about", component=About),
        ft.Route(path="display", component=DisplaySettings),
        ft.Route(path="clinician", component=Clinician),
        ft.Route(path="glossary", component=GlossaryPage),
    ]
    return [ft.Route(component=Shell, children=[*journey, *aside])]


@ft.component
def App(state: AppState):
    """The whole interface: the router inside the app's context."""
    routes = ft.use_memo(route_table, dependencies=[])
    page = ft.context.page
    display = state.display

    def show_display() -> None:
        apply_display(page, display)
        page.update()

    ft.use_effect(show_display, dependencies=[display])
    return AppContext(state, lambda: ft.Router(routes, not_found=Welcome))


@ft.component
def ContentErrorPage(report: str, title: str, body: str):
    """Shown instead of the app when the content cannot be trusted."""
    return ft.Column(
        [
            ft.Text(title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
            ft.Text(body),
            ft.Text(report, selectable=True, font_family="monospace"),
        ],
        scroll=ft.ScrollMode.AUTO,
        expand=True,
    )


def make_app(content_root: Path, data_dir: Path, keep_on_device: bool = True) -> Callable[[ft.Page], None]:
    """The `main(page)` for Flet: loads content once, then one AppState per session.

    With `keep_on_device=False` (the app served to other computers) answers live
    only in each browser session's memory and nothing is written to `data_dir`.
    """
    try:
        content = load_content(content_root)
        problems = None
    except ContentProblems as error:
        content, problems = None, error

    def main(page: ft.Page) -> None:
        page.title = content.text("app.title") if content else "decisionaid"
        page.fonts = FONTS
        page.theme = build_theme()
        page.padding = 16
        if content is None:
            assert problems is not None
            page.render(
                ContentErrorPage,
                problems.report(),
                "The content of this aid has problems",
                "The app will not show information that may be wrong. Details:",
            )
            return
        state = AppState(content=content, data_dir=data_dir, keep_on_device=keep_on_device)
        state.load()
        state.window_width(page.width)
        page.on_resize = lambda e: state.window_width(e.width)
        apply_display(page, state.display)
        page.render(App, state)

    return main
