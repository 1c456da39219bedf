"""What one click costs the server (issue 16): the page is drawn once per arrival, and the
pages' pictures and folds send only what is on the screen."""

from __future__ import annotations

import flet as ft
import pytest
from flet.components.component import Component

from decisionaid.gui.figures import GROUP_COLOURS
from tests.gui.harness import HeadlessApp


@pytest.fixture
def updates(monkeypatch) -> list[str]:
    """The name of every component Flet re-renders, in order (a re-render of App redraws and
    diffs the whole page)."""
    seen: list[str] = []
    original = Component.update

    def update(self) -> None:
        seen.append(getattr(self.fn, "__name__", "?"))
        original(self)

    monkeypatch.setattr(Component, "update", update)
    return seen


@pytest.mark.parametrize("path", ["/about-you", "/options", "/values", "/summary"])
async def test_arriving_on_a_journey_page_draws_it_once(app: HeadlessApp, updates, path):
    await app.go("/learn")
    updates.clear()
    await app.go(path)
    assert app.page.route == path
    # The router draws the page; remembering where the person is (last_route, saved) must
    # not draw the whole app a second time: no page shows it.
    assert "App" not in updates, updates


async def test_the_page_reached_is_still_saved_for_resuming(app: HeadlessApp, tmp_path):
    from decisionaid.storage import SessionStore

    await app.go("/values")
    assert SessionStore(tmp_path / "data").load().session.last_route == "/values"
    # Back from an aside page still returns to the last journey page.
    await app.go("/about")
    await app.click("back")
    assert app.page.route == "/values"


async def test_a_key_typed_into_the_notes_is_saved_without_redrawing_the_page(
    app: HeadlessApp, updates, tmp_path, content
):
    """Each key in the notes redrew and diffed the whole app (150 ms of the server's time a
    key on Ready): typing lagged on a slow device. The text is saved; nothing is redrawn.
    (Their view and the clinician's notes are typed through the same AppState.change_text.)"""
    from decisionaid.storage import SessionStore

    await app.go("/ready")
    label = content.text("ready.notes_label")
    entry = next(c for c in app.controls() if isinstance(c, ft.TextField) and c.label == label)
    updates.clear()
    for typed in ("H", "Ho", "How sure"):
        await app.change(entry, typed)
    assert updates == [], updates
    assert SessionStore(tmp_path / "data").load().session.notes == "How sure"


async def test_a_closed_fold_sends_no_detail_and_shows_it_once_opened(app: HeadlessApp):
    await app.go("/options")
    folds = [c for c in app.controls() if isinstance(c, ft.ExpansionTile) and c.title.value]
    words = next(
        app.semantics(i) for i in app.identifiers() if i.startswith("icons-") and i.endswith("-words")
    )
    tile = words.content
    assert isinstance(tile, ft.ExpansionTile)
    assert tile.controls == [], "a closed fold's words were sent with the page"
    assert folds
    await app.open_fold(words.identifier)
    opened = app.semantics(words.identifier).content
    assert opened.controls, "the opened fold shows nothing"
    spoken = app.semantics(words.identifier.removesuffix("-words")).label
    assert all(line.value in spoken for line in opened.controls)


async def test_an_icon_array_is_a_few_controls_named_by_its_words(app: HeadlessApp):
    await app.go("/options")
    arrays = [i for i in app.identifiers() if i.startswith("icons-") and not i.endswith("-words")]
    assert arrays
    for identifier in arrays:
        node = app.semantics(identifier)
        # Read as one picture, named by the same words the fold under it holds.
        assert node.image and node.exclude_semantics and "100" in node.label
        inside = list(app.controls(node))
        assert len(inside) <= 20, f"{identifier}: {len(inside)} controls (100 icons were ~115)"
        assert not any(isinstance(c, ft.Icon) for c in inside)
        pictures = [c for c in inside if isinstance(c, ft.Image)]
        # One picture of people per group shown, each tinted with a theme colour, and one
        # key per group in the legend.
        assert pictures and all(p.color in GROUP_COLOURS for p in pictures)
        assert all('xmlns="http://www.w3.org/2000/svg"' in p.src for p in pictures)


class _Queue:
    def __init__(self) -> None:
        self.items: list[bytes] = []

    def put_nowait(self, item: bytes) -> None:
        self.items.append(item)


def _sent_by(send_message, message) -> bytes:
    from flet_web.fastapi.flet_app import FletApp

    app = object.__new__(FletApp)
    queue = _Queue()
    app._FletApp__send_queue = queue
    send_message(app, message)
    return queue.items[0]


def test_the_web_transport_sends_a_page_without_formatting_it_as_text_first(monkeypatch):
    from flet.messaging.protocol import Message, MessageAction
    from flet_web.fastapi.flet_app import FletApp

    import decisionaid.gui.quiet_send as quiet

    loud = FletApp.send_message
    # Compared with the quiet one itself, the bytes below would always match: a test that
    # installed it and did not put Flet's own back must fail here, not pass unseen.
    assert not getattr(loud, "quiet", False), "Flet's own send_message was left replaced by another test"
    monkeypatch.setattr(FletApp, "send_message", loud)  # put back after the test
    message = Message(MessageAction.PATCH_CONTROL, {"id": 1, "patch": [ft.Text("a page")]})
    expected = _sent_by(loud, message)

    assert quiet.quiet_send_message()
    # Flet's own method formats the whole message (every control of the page) as text for a
    # debug line, even with debug logging off: the quiet one must never ask for that text.
    monkeypatch.setattr(Message, "__repr__", lambda self: pytest.fail("the message was formatted"))
    assert _sent_by(FletApp.send_message, message) == expected


def test_on_another_flet_version_the_transport_is_left_alone(monkeypatch):
    from flet_web.fastapi.flet_app import FletApp

    import decisionaid.gui.quiet_send as quiet

    def loud(self, message):
        """Flet's own method as it stands before the patch (another test in this process
        may have installed the quiet one already: the check must not depend on order)."""

    monkeypatch.setattr(FletApp, "send_message", loud)
    monkeypatch.setattr(quiet, "flet_version", "1.1.0")
    assert not quiet.quiet_send_message()
    assert FletApp.send_message is loud
