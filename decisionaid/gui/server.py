"""Serving the app to a browser: Flet's ASGI app behind a same-origin-only policy.

Flutter's web build asks a CDN for a few optional files even with `no_cdn`
(a rive animation runtime, fallback fonts). On a clinic machine that is online
those requests would tell a third party that the app is in use. A
Content-Security-Policy that allows only this origin makes the browser refuse
them, so nothing the app does can reach another host.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        # Flutter's loader uses inline scripts and compiles CanvasKit (WebAssembly).
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


def web_app(main: Callable[[ft.Page], None], assets_dir: str):
    """The ASGI app that serves `main` with no CDN and the same-origin policy."""
    app = ft.run(main, export_asgi_app=True, assets_dir=assets_dir, no_cdn=True)

    @app.middleware("http")
    async def same_origin_only(request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app


def serve(
    main: Callable[[ft.Page], None], host: str, port: int, assets_dir: str, open_browser: bool = False
) -> None:
    """Serve until interrupted; open the local browser on the app when asked."""
    import threading
    import webbrowser

    import uvicorn

    if open_browser:
        local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        threading.Timer(1.5, webbrowser.open, args=(f"http://{local}:{port}/",)).start()

    uvicorn.run(web_app(main, assets_dir), host=host, port=port, log_level="warning", ws="websockets-sansio")
