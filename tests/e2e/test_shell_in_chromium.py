"""The real app in Debian's Chromium: welcome, About, and back, with nothing sent away."""

from __future__ import annotations

from urllib.parse import urlparse

from decisionaid.loader import load_content
from tests.e2e.ui import button, open_app, screenshot


def host_of(url: str) -> str | None:
    """The host a request goes to; blob: and data: URLs stay inside the page."""
    if url.startswith("data:"):
        return "127.0.0.1"
    return urlparse(url.removeprefix("blob:")).hostname


def test_welcome_to_about_and_back_in_chromium(browser, server, artifacts, shipped_content):
    content = load_content(shipped_content)
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    requests: list[str] = []
    blocked: set[str] = set()
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: blocked.add(r.url) if r.failure == "csp" else None)
    try:
        response = page.goto(server.link())
        assert "default-src 'self'" in response.headers["content-security-policy"]
        open_app(page, server.link(), content.ui["welcome.title"])
        screenshot(page, artifacts / "shell-welcome.png")
        # The CanvasKit renderer, not skwasm (which froze the tab on a text-size change).
        assert page.evaluate("() => Boolean(window.flutterCanvasKit) && !window._flutter_skwasmInstance")
        assert any(url.endswith("canvaskit.wasm") for url in requests)
        assert not any("skwasm" in url for url in requests)

        button(page, content.ui["nav.about"]).click()
        page.get_by_text(content.about.title).first.wait_for(timeout=45_000)
        assert page.url.endswith("/about")
        screenshot(page, artifacts / "shell-about.png")

        button(page, content.ui["nav.back"]).click()
        page.get_by_text(content.ui["welcome.decision"]).first.wait_for(timeout=45_000)
        button(page, content.ui["welcome.start"]).wait_for(state="attached", timeout=45_000)
        assert urlparse(page.url).path == "/"
    finally:
        page.close()
    # Flutter asks a CDN for optional files; the browser must refuse them (CSP)
    # before anything leaves the machine.
    sent_away = [u for u in requests if host_of(u) != "127.0.0.1" and u not in blocked]
    assert sent_away == [], f"requests left the machine: {sent_away}"
