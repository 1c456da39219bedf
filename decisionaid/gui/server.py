"""Serving the app to a browser: Flet's ASGI app behind a guard only the app's own page passes.

A local web server is reachable by every page the person has open in the same
browser, and by every other account on the same computer. Three locks keep the
answers to the app's own page:

1. **A per-launch key**, as local notebook servers do: the address decisionaid
   prints and opens carries `?key=...`; the first request with it gets an
   HttpOnly, SameSite=Strict cookie and is redirected to the same address without
   the key. Every later request, and the WebSocket, must carry that cookie. Another
   account on the computer, or a page that guessed the port, gets 403.
2. **Host and Origin checks**: a request whose Host is not an address this server
   answers to (DNS rebinding) is refused, and a WebSocket whose Origin is not this
   server's own address (cross-site WebSocket hijacking) is refused.
3. **Headers**: a same-origin Content-Security-Policy with `frame-ancestors 'none'`
   and `X-Frame-Options: DENY` (no framing, no clickjacking), and no CORS headers:
   Flet's `Access-Control-Allow-Origin: *` is removed.

The CSP also makes the browser refuse the few optional files Flutter's web build
asks a CDN for even with `no_cdn`, so nothing the app does can reach another host.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

import flet as ft
from starlette.websockets import WebSocketDisconnect, WebSocketDisconnected

from decisionaid.gui.quiet_send import quiet_send_message

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
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}

KEY_PARAMETER = "key"
SESSION_TIMEOUT_SECONDS = 300
"""A browser session that has gone away is dropped after this long (Flet keeps it an
hour by default): long enough to survive a laptop lid or a network blip, short
enough that answers held in memory do not linger on a shared server."""

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Asgi = Callable[[Scope, Receive, Send], Awaitable[None]]

REFUSED_PAGE = (
    "<!doctype html><html lang='en'><meta charset='utf-8'><title>decisionaid</title>"
    "<p>This page cannot open decisionaid. Open the address that decisionaid printed when "
    "it started (it ends in <code>?key=...</code>), or start it again.</p></html>"
)


def _host_literal(host: str) -> str:
    """How a host appears in a Host header: IPv6 addresses in brackets."""
    try:
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    except ValueError:
        pass
    return host


@dataclass(frozen=True)
class Guard:
    """Who may talk to the server: the rules, free of any web framework so they are easy to test."""

    host: str
    port: int
    key: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def cookie_name(self) -> str:
        # Cookies are shared by every port of a host: one name per port, so two
        # servers on one computer never replace each other's key.
        return f"decisionaid-key-{self.port}"

    @property
    def any_host(self) -> bool:
        """Served on every interface: the names it is reached by are not known in advance,
        so the key (not the Host) is what shuts out a rebinding page."""
        return self.host in WILDCARD_HOSTS

    def allowed_hosts(self) -> set[str]:
        """The Host header values this server answers to."""
        names = {*LOOPBACK_NAMES, _host_literal(self.host)}
        return {f"{name}:{self.port}" for name in names}

    def host_ok(self, host_header: str | None) -> bool:
        """A request's Host is an address this server answers to."""
        if not host_header:
            return False
        return self.any_host or host_header.lower() in self.allowed_hosts()

    def origin_ok(self, origin: str | None, host_header: str | None) -> bool:
        """A WebSocket's Origin is this server's own address (the one the page was loaded from)."""
        if not origin or not host_header or not self.host_ok(host_header):
            return False
        return origin.lower() in (f"http://{host_header.lower()}", f"https://{host_header.lower()}")

    def key_ok(self, candidate: str | None) -> bool:
        """The per-launch key, compared in constant time."""
        return candidate is not None and hmac.compare_digest(candidate.encode(), self.key.encode())

    def url(self, path: str = "/") -> str:
        """The address to open, key included (what the person is given)."""
        local = "127.0.0.1" if self.any_host else _host_literal(self.host)
        return f"http://{local}:{self.port}{path}?{urlencode({KEY_PARAMETER: self.key})}"


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookie(headers: dict[str, str], name: str) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is simply no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def _with_security_headers(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Response headers without any CORS grant, with ours set (replacing Flet's where both exist)."""
    kept = [
        (k, v)
        for k, v in raw
        if not k.lower().startswith(b"access-control-")
        and k.lower().decode("latin-1") not in SECURITY_HEADERS
    ]
    return kept + [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


async def _plain_response(send: Send, status: int, body: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    payload = body.encode("utf-8")
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(payload)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": _with_security_headers(headers)})
    await send({"type": "http.response.body", "body": payload})


class GuardedApp:
    """An ASGI wrapper that lets through only requests that pass the `Guard`.

    A plain ASGI wrapper, not a FastAPI HTTP middleware: those never see WebSockets,
    and the WebSocket is where the answers travel.
    """

    def __init__(self, app: Asgi, guard: Guard, warm_up: Callable[[], None] | None = None):
        self.app = app
        self.guard = guard
        self.warm_up = warm_up

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope.get("type")
        if kind == "websocket":
            await self._websocket(scope, receive, send)
        elif kind == "http":
            await self._http(scope, receive, send)
        else:  # lifespan
            await self.app(scope, receive, send)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = _headers(scope)
        host = headers.get("host")
        allowed = self.guard.origin_ok(headers.get("origin"), host) and self.guard.key_ok(
            _cookie(headers, self.guard.cookie_name)
        )
        if not allowed:
            # Closing before accepting makes the server answer the upgrade with 403.
            await send({"type": "websocket.close", "code": 1008})
            return
        try:
            await self.app(scope, receive, send)
        except WebSocketDisconnect:
            # Flet's send loop raises this when a tab closes mid-send: an ordinary end of a
            # session, which the server would otherwise log as a traceback for every tab.
            return

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = _headers(scope)
        if not self.guard.host_ok(headers.get("host")):
            await _plain_response(send, 421, "<p>Misdirected request.</p>")
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        offered = dict(query).get(KEY_PARAMETER)
        if offered is not None:
            await self._exchange_key(scope, send, offered, query)
            return
        if not self.guard.key_ok(_cookie(headers, self.guard.cookie_name)):
            await _plain_response(send, 403, REFUSED_PAGE)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _with_security_headers(message.get("headers", []))}
            await send(message)

        await self.app(scope, receive, secured)
        if self.warm_up is not None:
            # The first page load is answered: the browser now spends a second or more on
            # Flutter's own files before it opens the WebSocket; the one-time work runs meanwhile.
            warm_up, self.warm_up = self.warm_up, None
            threading.Thread(target=warm_up, name="warm-up", daemon=True).start()

    async def _exchange_key(
        self, scope: Scope, send: Send, offered: str, query: list[tuple[str, str]]
    ) -> None:
        """The key in the address becomes a cookie; the address loses the key (history, screenshots)."""
        if not self.guard.key_ok(offered):
            await _plain_response(send, 403, REFUSED_PAGE)
            return
        rest = urlencode([(k, v) for k, v in query if k != KEY_PARAMETER])
        location = scope.get("path", "/") + (f"?{rest}" if rest else "")
        cookie = f"{self.guard.cookie_name}={self.guard.key}; Path=/; HttpOnly; SameSite=Strict"
        await _plain_response(
            send,
            303,
            "",
            [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1"))],
        )


class _ClosedTabFilter(logging.Filter):
    """Drops Flet's warning, with its traceback, when a tab closed before its socket was read.

    Flet logs "Receive loop error" for a socket that is already gone. A closed tab is an
    ordinary end; every other warning passes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        kind = record.exc_info[0] if record.exc_info else None
        return not (kind is not None and issubclass(kind, (WebSocketDisconnect, WebSocketDisconnected)))


CLOSED_TAB_FILTER = _ClosedTabFilter()


def web_app(
    main: Callable[[ft.Page], None],
    assets_dir: str,
    guard: Guard,
    warm_up: Callable[[], None] | None = None,
) -> GuardedApp:
    """The ASGI app that serves `main` with no CDN, behind `guard`; `warm_up` runs once, in a
    thread, at the first page load that passes the guard."""
    # Flet reads the session timeout from its environment when each session starts.
    os.environ["FLET_SESSION_TIMEOUT"] = str(SESSION_TIMEOUT_SECONDS)
    quiet_send_message()
    # CanvasKit, not skwasm (which Flet's AUTO picks in Chromium): in headless Chromium a
    # text-size change on a long screen (Getting ready, the summary) left skwasm's main
    # thread spinning on a lock for minutes, in about half of the runs, and the tab froze.
    # CanvasKit never froze in the same runs, and Flet's docs call it faster at the byte
    # buffers a Flet app exchanges on every update.
    app = ft.run(
        main,
        export_asgi_app=True,
        assets_dir=assets_dir,
        no_cdn=True,
        web_renderer=ft.WebRenderer.CANVAS_KIT,
    )
    return GuardedApp(app, guard, warm_up)


GRACEFUL_SECONDS = 2
"""How long a stopping server waits for open connections to close."""


def serve(
    main: Callable[[ft.Page], None],
    host: str,
    port: int,
    assets_dir: str,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
    warm_up: Callable[[], None] | None = None,
) -> None:
    """Serve until interrupted; say (and open, when asked) the address with its key."""
    import webbrowser

    import uvicorn

    guard = Guard(host=host, port=port)
    logging.getLogger("flet_web.fastapi").addFilter(CLOSED_TAB_FILTER)
    announce(guard.url())
    if open_browser:
        threading.Timer(1.5, webbrowser.open, args=(guard.url(),)).start()
    uvicorn.run(
        web_app(main, assets_dir, guard, warm_up),
        host=host,
        port=port,
        log_level="warning",
        ws="websockets-sansio",
        # Ctrl+C (or a stop signal) ends the server within seconds even while a connection
        # lingers: uvicorn would otherwise wait for every one to close, and a socket it had
        # refused kept it up for as long as the client held on. On this device every answer
        # is already saved as it is given (atomically), so nothing is lost; served to other
        # computers, answers live in memory only and end with the server at any stop, as
        # its start-up warning says.
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )
