"""The attacks of the 2026-11 security test, against the real server: none may get through.

Each test has a control that must succeed (the app's own page, with its key), so a
test cannot pass by the server simply being down.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import websockets

from tests.e2e.conftest import Server, free_port

SECRET = "SECRET-NOTE-4711 my HIV status and liver results"


@pytest.fixture
def secret_server(tmp_path):
    """The app serving a saved session whose notes must never reach another site."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "session.json").write_text(
        json.dumps({"schema_version": 1, "notes": SECRET, "last_route": "/ready"})
    )
    served = Server(data, tmp_path / "server.log").start()
    yield served
    served.stop()


def get(server: Server, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        connection.close()


def cookie(server: Server) -> str:
    return f"decisionaid-key-{server.port}={server.key}"


def own(server: Server) -> dict[str, str]:
    return {"Host": f"127.0.0.1:{server.port}", "Cookie": cookie(server)}


def websocket_status(server: Server, headers: dict[str, str], origin: str | None) -> int:
    """101 when the upgrade is accepted, else the HTTP status the server refused it with."""

    async def attempt() -> int:
        try:
            async with websockets.connect(
                f"ws://127.0.0.1:{server.port}/ws", origin=origin, additional_headers=headers, open_timeout=10
            ):
                return 101
        except websockets.InvalidStatus as refused:
            return refused.response.status_code

    # In a thread of its own: a module's browser (sync Playwright) keeps an event loop running
    # in this one, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, attempt()).result()


def test_the_app_is_not_served_without_its_key(secret_server):
    status, _, body = get(secret_server, "/", {"Host": f"127.0.0.1:{secret_server.port}"})
    assert status == 403
    assert "printed when it started" in body
    assert get(secret_server, "/", own(secret_server))[0] == 200  # control
    wrong = {
        "Host": f"127.0.0.1:{secret_server.port}",
        "Cookie": f"decisionaid-key-{secret_server.port}=guess",
    }
    assert get(secret_server, "/", wrong)[0] == 403
    assert get(secret_server, "/?key=guess", wrong)[0] == 403


def test_the_key_in_the_address_becomes_a_strict_cookie_and_leaves_the_address(secret_server):
    status, headers, _ = get(
        secret_server, f"/ready?key={secret_server.key}", {"Host": f"localhost:{secret_server.port}"}
    )
    assert status == 303
    assert headers["location"] == "/ready"
    assert "HttpOnly" in headers["set-cookie"] and "SameSite=Strict" in headers["set-cookie"]


def test_a_websocket_from_another_origin_is_refused(secret_server):
    port = secret_server.port
    assert websocket_status(secret_server, own(secret_server), f"http://127.0.0.1:{port}") == 101  # control
    for origin in ("http://evil.example", f"http://127.0.0.1:{free_port()}", "null", None):
        assert websocket_status(secret_server, own(secret_server), origin) == 403, origin


def test_a_websocket_without_the_key_is_refused_even_from_the_apps_own_origin(secret_server):
    port = secret_server.port
    headers = {"Host": f"127.0.0.1:{port}"}
    assert websocket_status(secret_server, headers, f"http://127.0.0.1:{port}") == 403


def test_a_rebinding_host_gets_neither_the_page_nor_the_socket(secret_server):
    port = secret_server.port
    rebound = {"Host": f"rebind.evil.example:{port}", "Cookie": cookie(secret_server)}
    status, _, body = get(secret_server, "/", rebound)
    assert status == 421
    assert "flutter" not in body.lower()
    assert get(secret_server, f"/?key={secret_server.key}", rebound)[0] == 421
    assert websocket_status(secret_server, rebound, f"http://rebind.evil.example:{port}") == 403


def test_every_response_forbids_framing_and_grants_no_other_origin(secret_server):
    for path in ("/", "/main.dart.js", "/README.md", "/no-such-file"):
        _, headers, _ = get(secret_server, path, own(secret_server))
        assert headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert not [h for h in headers if h.startswith("access-control-")], path


class _AttackerPage(BaseHTTPRequestHandler):
    """A page on another origin (another port of 127.0.0.1: the same site, so the
    browser sends the app's SameSite cookie; only the Origin check stands in the way)."""

    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def attacker_page(html: str) -> Iterator[str]:
    handler = type("Page", (_AttackerPage,), {"body": html.encode()})
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_on_another_origin_cannot_read_frame_or_drive_the_app(browser, secret_server):
    context = browser.new_context()
    try:
        own_page = context.new_page()
        own_page.goto(secret_server.link())  # the person's own tab: the browser now holds the key cookie
        assert own_page.evaluate("document.title") is not None
        base = secret_server.url
        html = f"""<!doctype html><iframe id=f src="{secret_server.link()}" width=800 height=600></iframe>
        <script>
        window.results = {{}};
        fetch("{base}README.md").then(r => r.text())
          .then(t => results.fetch = "read:" + t.slice(0, 40)).catch(e => results.fetch = "blocked");
        fetch("{base}README.md", {{credentials: "include"}}).then(r => r.text())
          .then(t => results.cookie_fetch = "read:" + t.slice(0, 40))
          .catch(e => results.cookie_fetch = "blocked");
        const ws = new WebSocket("{base.replace("http", "ws")}ws");
        ws.onopen = () => results.socket = "open";
        ws.onerror = () => results.socket = results.socket || "refused";
        </script>"""
        with attacker_page(html) as url:
            evil = context.new_page()
            evil.goto(url)
            evil.wait_for_function(
                "window.results.fetch && window.results.cookie_fetch && window.results.socket", timeout=20_000
            )
            results = evil.evaluate("window.results")
            assert results == {"fetch": "blocked", "cookie_fetch": "blocked", "socket": "refused"}
            evil.wait_for_timeout(3000)
            framed = [f for f in evil.frames if f != evil.main_frame]
            assert framed, "the iframe element should exist"
            for frame in framed:
                # Chromium replaces a refused frame with its error page: no Flutter inside.
                assert frame.locator("flutter-view, flt-glass-pane").count() == 0
    finally:
        context.close()


def test_a_stopped_server_exits_at_once_after_sockets_came_and_went(secret_server):
    """After its own page's socket and refused ones from other origins had come and gone, a
    stopping server stayed up 10 s, until killed: Ctrl+C seemed to do nothing. It now waits
    at most a moment for open connections; every answer was saved when it was given."""
    import signal
    import subprocess

    port = secret_server.port
    assert websocket_status(secret_server, own(secret_server), f"http://127.0.0.1:{port}") == 101
    assert websocket_status(secret_server, own(secret_server), "http://evil.example") == 403
    secret_server.process.send_signal(signal.SIGTERM)
    try:
        secret_server.process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pytest.fail("the server was still running 8 s after it was told to stop")
