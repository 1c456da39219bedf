"""A Flet hello-world served like `decisionaid --web`: Flet's ASGI app, uvicorn, no CDN, loopback."""

from __future__ import annotations

import argparse

import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("Hello"))


def serve(port: int) -> None:
    import uvicorn

    app = ft.run(main, export_asgi_app=True, no_cdn=True, web_renderer=ft.WebRenderer.CANVAS_KIT)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    serve(parser.parse_args().port)
