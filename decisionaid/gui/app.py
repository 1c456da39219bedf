"""Composition root: builds the app for the real entry point and for the tests."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path

import flet as ft

from decisionaid.gui.fast_diff import fast_control_walk
from decisionaid.gui.routes import ASIDE, JOURNEY
from decisionaid.gui.state import AppContext, AppState
from decisionaid.gui.theme import FONTS, apply_display, build_theme
from decisionaid.gui.views.shell import Shell
from decisionaid.gui.views.welcome import Welcome
from decisionaid.loader import ContentProblems
from decisionaid.loader.cache import cached_content

DEFERRED = {
    "about_you": ("about_you", "AboutYou"),
    "learn": ("learn", "Learn"),
    "options": ("options", "Options"),
    "compare": ("compare", "Compare"),
    "values": ("values", "Values"),
    "fit": ("fit", "Fit"),
    "ready": ("ready", "Ready"),
    "summary": ("summary", "Summary"),
    "about": ("about", "About"),
    "display": ("display", "DisplaySettings"),
    "clinician": ("clinician", "Clinician"),
    "glossary": ("glossary", "GlossaryPage"),
}
"""Page key -> (module under decisionaid.gui.views, component). Imported when first shown, or
by the preload after the first screen: the summary page alone pulls in the PDF export and its
font tools, which the welcome page and the server's start do not need (issue 16)."""

_preloading = threading.Lock()


def view(key: str) -> Callable[[], ft.Component]:
    """The route component of page `key`, importing its module on first use.

    The Router calls a route's component with no arguments; this returns the view's own
    component, so the tree it renders is the same as with an eager import.
    """
    module, name = DEFERRED[key]

    def render() -> ft.Component:
        return getattr(importlib.import_module(f"decisionaid.gui.views.{module}"), name)()

    render.__name__ = name
    return render


FIRST_SCREEN_CONTROLS = (
    "Column",
    "Row",
    "Text",
    "Icon",
    "Container",
    "Semantics",
    "ResponsiveRow",
    "SafeArea",
)
"""Flet imports each control's module on first use: the first screen's, warmed up ahead."""


def preload_views() -> None:
    """Do once per process what a first screen and a first visit would otherwise wait for:
    Flet's lazily imported modules for the theme, the router and common controls, and
    every deferred page. The web server starts it at the first page load, while the
    browser is still loading Flutter; the app itself after its first screen."""
    if not _preloading.acquire(blocking=False):
        return  # already done or under way; imports happen once per process
    build_theme()
    route_table()
    for name in FIRST_SCREEN_CONTROLS:
        getattr(ft, name, None)  # a name Flet no longer has only loses the warm-up
    for module, _ in DEFERRED.values():
        importlib.import_module(f"decisionaid.gui.views.{module}")


def route_table() -> list[ft.Route]:
    """Every route of the app, inside the shell layout."""
    journey = [
        ft.Route(index=True, component=Welcome)
        if step.path == "/"
        else ft.Route(path=step.path.lstrip("/"), component=view(step.key))
        for step in JOURNEY
    ]
    aside = [ft.Route(path=step.path.lstrip("/"), component=view(step.key)) for step in ASIDE]
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


def make_app(
    content_root: Path, data_dir: Path, keep_on_device: bool = True, cache_dir: Path | None = None
) -> Callable[[ft.Page], None]:
    """The `main(page)` for Flet: loads content once (from `cache_dir` when it holds this
    version of the content: loader.cache), then one AppState per session.

    With `keep_on_device=False` (the app served to other computers) answers live
    only in each browser session's memory and nothing is written to `data_dir`.
    """
    fast_control_walk()  # the same diff, without Flet's per-field generators (issue 16)
    try:
        content = cached_content(content_root, cache_dir)
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
        # The other pages' imports run while the browser still loads and lays out this one.
        threading.Thread(target=preload_views, name="preload-views", daemon=True).start()

    return main
