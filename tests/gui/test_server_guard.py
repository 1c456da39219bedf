"""The server's guard: which Host, Origin and key it lets through, and what it does to headers."""

from __future__ import annotations

import asyncio
import logging

import pytest

from decisionaid.gui.server import CLOSED_TAB_FILTER, Guard, GuardedApp

GUARD = Guard("127.0.0.1", 8550, key="k" * 43)


@pytest.mark.parametrize("host", ["127.0.0.1:8550", "localhost:8550", "[::1]:8550", "LOCALHOST:8550"])
def test_loopback_names_on_the_served_port_are_this_server(host):
    assert GUARD.host_ok(host)


@pytest.mark.parametrize(
    "host", ["rebind.evil.example:8550", "127.0.0.1:8551", "127.0.0.1", "", None, "evil.example"]
)
def test_any_other_host_is_refused(host):
    assert not GUARD.host_ok(host)


def test_a_configured_host_is_answered_beside_the_loopback_names():
    guard = Guard("192.168.1.20", 8000)
    assert guard.host_ok("192.168.1.20:8000") and guard.host_ok("127.0.0.1:8000")
    assert not guard.host_ok("192.168.1.21:8000")
    assert Guard("::1", 8000).host_ok("[::1]:8000")


def test_served_on_every_interface_any_host_name_passes_but_the_origin_must_match_it():
    guard = Guard("0.0.0.0", 8000)
    assert guard.host_ok("clinic-pc.local:8000")
    assert guard.origin_ok("http://clinic-pc.local:8000", "clinic-pc.local:8000")
    assert not guard.origin_ok("http://evil.example", "clinic-pc.local:8000")
    assert guard.url().startswith("http://127.0.0.1:8000/?key=")


@pytest.mark.parametrize(
    ("origin", "ok"),
    [
        ("http://127.0.0.1:8550", True),
        ("http://evil.example", False),
        ("http://127.0.0.1:8551", False),
        ("null", False),
        (None, False),
    ],
)
def test_a_websocket_origin_must_be_the_page_this_server_served(origin, ok):
    assert GUARD.origin_ok(origin, "127.0.0.1:8550") is ok


def test_the_key_must_match_exactly():
    assert GUARD.key_ok("k" * 43)
    assert not GUARD.key_ok("k" * 42)
    assert not GUARD.key_ok(None)


def test_each_launch_has_its_own_long_key():
    first, second = Guard("127.0.0.1", 1), Guard("127.0.0.1", 1)
    assert first.key != second.key and len(first.key) >= 40


def run(guarded: GuardedApp, scope: dict) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request"}

    async def send(message):
        sent.append(message)

    asyncio.run(guarded(scope, receive, send))
    return sent


async def flet_like(scope, receive, send):
    """Stands in for Flet's app: answers with its wildcard CORS header, as Flet 1.0.5 does."""
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"access-control-allow-origin", b"*")]}
    )
    await send({"type": "http.response.body", "body": b"ok"})


def http_scope(headers: list[tuple[bytes, bytes]], query: bytes = b"") -> dict:
    return {"type": "http", "path": "/ready", "query_string": query, "headers": headers}


def test_a_guarded_response_loses_the_wildcard_cors_header_and_gains_the_frame_ban():
    cookie = (b"cookie", f"decisionaid-key-8550={GUARD.key}".encode())
    sent = run(GuardedApp(flet_like, GUARD), http_scope([(b"host", b"127.0.0.1:8550"), cookie]))
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 200
    assert b"access-control-allow-origin" not in headers
    assert headers[b"x-frame-options"] == b"DENY"


def test_a_malformed_cookie_header_is_no_key():
    sent = run(
        GuardedApp(flet_like, GUARD), http_scope([(b"host", b"127.0.0.1:8550"), (b"cookie", b'"\\x00;;=')])
    )
    assert sent[0]["status"] == 403


def test_the_key_exchange_keeps_the_rest_of_the_query():
    query = f"a=1&key={GUARD.key}&b=2".encode()
    sent = run(GuardedApp(flet_like, GUARD), http_scope([(b"host", b"localhost:8550")], query))
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 303
    assert headers[b"location"] == b"/ready?a=1&b=2"


def test_a_refused_websocket_is_closed_before_the_app_sees_it():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope)

    headers = [(b"host", b"127.0.0.1:8550"), (b"origin", b"http://evil.example")]
    sent = run(GuardedApp(app, GUARD), {"type": "websocket", "path": "/ws", "headers": headers})
    assert sent == [{"type": "websocket.close", "code": 1008}]
    assert seen == []


def test_a_browser_that_goes_away_mid_send_ends_its_websocket_quietly():
    """Flet's send loop raises WebSocketDisconnect when a tab closes; that is an ordinary end,
    not an error to log with a traceback for every closed tab."""
    from starlette.websockets import WebSocketDisconnect

    async def app(scope, receive, send):
        raise WebSocketDisconnect(code=1006)

    headers = [
        (b"host", b"127.0.0.1:8550"),
        (b"origin", b"http://127.0.0.1:8550"),
        (b"cookie", f"{GUARD.cookie_name}={GUARD.key}".encode()),
    ]
    assert run(GuardedApp(app, GUARD), {"type": "websocket", "path": "/ws", "headers": headers}) == []


def test_any_other_error_in_the_app_still_reaches_the_server_log():
    async def app(scope, receive, send):
        raise RuntimeError("a real fault")

    headers = [
        (b"host", b"127.0.0.1:8550"),
        (b"origin", b"http://127.0.0.1:8550"),
        (b"cookie", f"{GUARD.cookie_name}={GUARD.key}".encode()),
    ]
    with pytest.raises(RuntimeError, match="a real fault"):
        run(GuardedApp(app, GUARD), {"type": "websocket", "path": "/ws", "headers": headers})


def _record(error: BaseException | None) -> logging.LogRecord:
    info = (type(error), error, None) if error else None
    return logging.LogRecord("flet_web.fastapi", logging.WARNING, __file__, 1, "Receive loop error", (), info)


def test_flets_warning_about_a_socket_already_closed_is_dropped_and_others_pass():
    from starlette.websockets import WebSocketDisconnected

    assert not CLOSED_TAB_FILTER.filter(_record(WebSocketDisconnected("not connected")))
    assert CLOSED_TAB_FILTER.filter(_record(RuntimeError("a real fault")))
    assert CLOSED_TAB_FILTER.filter(_record(None))
