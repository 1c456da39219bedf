"""Your summary: the preview, saving it (PDF, Markdown, HTML, session file), and your data."""

from __future__ import annotations

import asyncio

import flet as ft

from decisionaid.export.fonts import unprintable_characters
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import pdf_available, render_pdf
from decisionaid.export.text import printed_whole
from decisionaid.gui.controls import action_button, go, heading, markdown, paragraph, text_node
from decisionaid.gui.routes import JOURNEY
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.saving import ANSWERS_FILE, answers_file, save

FILE_STEM = "decisionaid-summary"


def delete_dialog(state: AppState, page: ft.Page) -> ft.AlertDialog:
    """Ask before removing everything the app saved on this device."""

    def confirm() -> None:
        count = state.delete_my_data()
        page.pop_dialog()
        if count is None:
            return  # the device would not let the files go: the notice says why
        state.notice = state.t("summary_page.deleted", count=count)
        go(page, "/")

    return ft.AlertDialog(
        modal=True,
        title=ft.Text(state.t("summary_page.delete_title")),
        content=ft.Text(state.t("summary_page.delete_body")),
        actions=[
            action_button("delete-cancel", state.t("summary_page.cancel"), page.pop_dialog),
            action_button("delete-confirm", state.t("summary_page.delete_confirm"), confirm, primary=True),
        ],
    )


def pdf_caveats(state: AppState, summary) -> list[ft.Control]:
    """What the PDF will not print as typed, said before the person saves it: letters its
    fonts cannot show (Chinese, Japanese, Korean, most emoji) and text too long to print
    whole. The saved answers, Markdown and HTML keep every character."""
    missing = unprintable_characters(summary)
    lines = []
    if missing:
        shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
        lines.append(state.t("summary_page.pdf_unprintable", characters=shown))
    if not printed_whole(summary):
        lines.append(state.t("summary_page.pdf_shortened"))
    return [
        ft.Container(
            ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE, semantics_label=""), text_node(line, expand=True)]),
            padding=12,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=8,
        )
        for line in lines
    ]


@ft.component
def Summary():
    """The discussion summary as it will print, and what to do with it."""
    state = use_app_state()
    page = ft.context.page
    summary = state.summary()
    text = render_markdown(summary)

    async def pdf(paper: str) -> None:
        # Off the event loop: a long summary takes seconds, and every session shares the loop.
        data = await asyncio.to_thread(render_pdf, summary, paper=paper)
        await save(state, f"{FILE_STEM}-{paper}.pdf", data)

    async def save_pdf_a4() -> None:
        await pdf("a4")

    async def save_pdf_letter() -> None:
        await pdf("letter")

    async def save_markdown() -> None:
        await save(state, f"{FILE_STEM}.md", text.encode("utf-8"))

    async def save_html() -> None:
        html = await asyncio.to_thread(render_html, summary)
        await save(state, f"{FILE_STEM}.html", html.encode("utf-8"))

    async def save_session() -> None:
        await save(state, ANSWERS_FILE, await answers_file(state))

    def start_over() -> None:
        state.start_over()
        go(page, JOURNEY[1].path)

    notice = (
        [ft.Semantics(live_region=True, content=ft.Text(state.notice, weight=ft.FontWeight.W_600))]
        if state.notice
        else []
    )
    # A phone build has no PDF maker (see pdf_available): it saves the web page instead,
    # which the phone can print or share, and says so.
    with_pdf = pdf_available()
    caveats = pdf_caveats(state, summary) if with_pdf else [paragraph(state.t("summary_page.no_pdf"))]
    pdf_buttons = (
        [
            action_button(
                "save-pdf",
                state.t("summary_page.save_pdf"),
                save_pdf_a4,
                primary=True,
                icon=ft.Icons.PICTURE_AS_PDF,
            ),
            action_button(
                "save-pdf-letter",
                state.t("summary_page.save_pdf_letter"),
                save_pdf_letter,
                icon=ft.Icons.PICTURE_AS_PDF,
            ),
        ]
        if with_pdf
        else []
    )
    return ft.Column(
        [
            heading(state.t("step.summary.title")),
            paragraph(state.t("summary_page.intro")),
            *notice,
            *caveats,
            ft.Row(
                [
                    *pdf_buttons,
                    action_button("save-md", state.t("summary_page.save_md"), save_markdown),
                    action_button("save-html", state.t("summary_page.save_html"), save_html),
                    action_button(
                        "save-session",
                        state.t("summary_page.save_session"),
                        save_session,
                        icon=ft.Icons.SAVE_ALT,
                    ),
                ],
                wrap=True,
                spacing=12,
                run_spacing=12,
            ),
            ft.Container(
                markdown(text, state.display.text_scale),
                # Keyed: when a notice appears above it, the preview is matched with itself,
                # not redrawn (its hundreds of controls held the event loop).
                key="summary-preview",
                padding=16,
                border=ft.Border.all(1, ft.Colors.OUTLINE),
                border_radius=8,
            ),
            heading(state.t("summary_page.your_data"), level=2),
            paragraph(state.t("summary_page.your_data_body")),
            ft.Row(
                [
                    action_button(
                        "start-over-summary",
                        state.t("welcome.start_over"),
                        start_over,
                        icon=ft.Icons.RESTART_ALT,
                    ),
                    action_button(
                        "delete-data",
                        state.t("summary_page.delete"),
                        lambda: page.show_dialog(delete_dialog(state, page)),
                        icon=ft.Icons.DELETE_OUTLINE,
                    ),
                ],
                wrap=True,
                spacing=12,
            ),
        ],
        spacing=16,
    )
