"""Journeys in Debian's Chromium: a saved session to a downloaded PDF, and resume after a restart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from decisionaid.loader import load_content
from tests.e2e.conftest import Server
from tests.e2e.ui import answer, button, open_app, saved_session, screenshot, wait_until

SESSIONS = Path(__file__).parents[1] / "testdata" / "sessions"


# One person: Ray's PDF is downloaded by his full journey, and the walks of issue 14's five
# people each download theirs from a saved session (both types) and read it.
@pytest.mark.parametrize(("person", "kind"), [("daniel-hemophilia-b", "Hemophilia B")])
def test_a_saved_session_downloads_as_a_pdf_from_the_summary_page(
    browser, tmp_path, artifacts, shipped_content, person, kind
):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SESSIONS / f"{person}.json", data / "session.json")
    own_question = json.loads((SESSIONS / f"{person}.json").read_text())["own_questions"][0]
    ui = load_content(shipped_content).ui
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    try:
        open_app(page, server.link("summary"), ui["summary_page.intro"])
        screenshot(page, artifacts / f"{person}-summary-1440.png")
        with page.expect_download(timeout=90_000) as download:
            button(page, ui["summary_page.save_pdf"]).click()
        saved = tmp_path / "summary.pdf"
        download.value.save_as(saved)
    finally:
        page.close()
        server.stop()
    assert download.value.suggested_filename == "decisionaid-summary-a4.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(saved).pages).split())
    assert kind in text
    assert own_question[:40] in text


def test_answers_survive_a_server_restart_and_the_journey_resumes(
    browser, tmp_path, artifacts, shipped_content
):
    data = tmp_path / "data"
    content = load_content(shipped_content)
    ui = content.ui
    rated = content.attributes[0]  # any feature: it is found by its name, wherever the order puts it
    first = Server(data, tmp_path / "first.log").start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        open_app(page, first.link("values"), ui["values.no_right_answer"])
        answer(page, rated.name, ui["importance.4"]).click()
        # The save happens on the server as the click lands; a wrong save times out here.
        wait_until(lambda: saved_session(data)["importance"] == {rated.id: 4}, "the rating saved")
    finally:
        page.close()
        first.stop()

    second = Server(data, tmp_path / "second.log").start()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        open_app(page, second.link(), ui["welcome.title"])
        button(page, ui["welcome.resume"]).click()
        page.get_by_text(ui["values.no_right_answer"]).first.wait_for(timeout=45_000)
        screenshot(page, artifacts / "resumed-values-390.png")
        assert page.url.endswith("/values")
    finally:
        page.close()
        second.stop()


def test_next_shows_the_page_and_puts_it_in_the_address_and_the_browsers_history(
    browser, tmp_path, shipped_content
):
    """Next draws the new page without waiting for the browser to report the new address
    (issue 16: one round trip less per click), yet the address, Back and Forward still
    follow it as they did."""
    ui = load_content(shipped_content).ui
    server = Server(tmp_path / "data", tmp_path / "server.log").start()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_app(page, server.link("about-you"), ui["step.about_you.title"])
        button(page, ui["nav.next"]).click()
        page.get_by_role("heading", name=ui["step.learn.title"]).wait_for(timeout=30_000)
        wait_until(lambda: page.url.split("?")[0].endswith("/learn"), "the address to follow Next")
        page.go_back()
        page.get_by_role("heading", name=ui["step.about_you.title"]).wait_for(timeout=30_000)
        wait_until(lambda: page.url.split("?")[0].endswith("/about-you"), "the address to follow Back")
        page.go_forward()
        page.get_by_role("heading", name=ui["step.learn.title"]).wait_for(timeout=30_000)
        assert page.get_by_role("heading", name=ui["step.about_you.title"]).count() == 0
    finally:
        page.close()
        server.stop()
