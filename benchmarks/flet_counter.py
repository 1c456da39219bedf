"""A Flet counter served like `decisionaid --web`: the baseline for a click that changes the screen.

One button, one text: each press adds one and shows the new count. It is served as
`benchmarks/flet_hello.py` is (Flet's ASGI app, uvicorn, no CDN, loopback).
"""

from __future__ import annotations

import argparse

import flet as ft

BUTTON = "Add one"
"""The button's accessible name."""


def count_text(count: int) -> str:
    """The words the counter shows for `count`."""
    return f"Count {count}"


def main(page: ft.Page) -> None:
    """The counter page: a heading-free text and a button, as small as a click test can be."""
    shown = ft.Text(count_text(0))

    def add(_: ft.Event) -> None:
        shown.data = (shown.data or 0) + 1
        shown.value = count_text(shown.data)
        shown.update()

    page.add(shown, ft.Button(BUTTON, on_click=add))


def serve(port: int) -> None:
    """Serve the counter on the loopback address until the process is ended."""
    import uvicorn

    app = ft.run(main, export_asgi_app=True, no_cdn=True, web_renderer=ft.WebRenderer.CANVAS_KIT)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    serve(parser.parse_args().port)
