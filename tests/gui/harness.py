"""Drives a real Flet session in-process, with a fake client standing in for Flutter.

`flet test` needs a Flutter SDK, which these machines do not have. Instead we
run Flet's own `Session` against a `Connection` that encodes every message the
way the web transport does (the encoding records the diff baseline, so
component bodies render and patches flow), and that answers the one client
call the app makes, `push_route`, as the Flutter client does: it changes the
page route, fires `route_change`, and replies to the call.

This reaches into Flet internals; flet is pinned to 1.0.5 for that reason.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page
from flet.controls.value_types import Prop
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    RegisterClientResponseBody,
    configure_encode_object_for_msgpack,
)
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub


class HeadlessClient(Connection):
    """A stand-in for the Flutter client: encodes messages and answers push_route."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        super().__init__()
        self.page_url = "http://127.0.0.1:8550"
        self.loop = loop
        self.executor = ThreadPoolExecutor(max_workers=2)
        self.pubsubhub = PubSubHub(loop=loop, executor=self.executor)
        self.session: Session | None = None
        self.sent: list[Message] = []
        self.calls: list[tuple[str, dict]] = []
        """Every client method the app invoked (other than push_route), with its arguments."""
        self.invoked: list[tuple[str, int]] = []
        """The same calls as (method, id of the control it was called on), e.g. ("focus", 42)."""
        self.errors: list[str] = []
        self.files_to_pick: list[dict] = []
        """What a file picker returns when the app asks the person to pick files."""
        self._encode = configure_encode_object_for_msgpack(BaseControl)
        self._pending: set[asyncio.Task] = set()

    def send_message(self, message: Message) -> None:
        msgpack.packb([message.action, message.body], default=self._encode)
        self.sent.append(message)
        if message.action == MessageAction.SESSION_CRASHED:
            self.errors.append(str(message.body))
        if message.action == MessageAction.INVOKE_METHOD:
            body = message.body
            if body.name == "push_route":
                task = self.loop.create_task(self._push_route(body))
            else:
                # A file picker, clipboard and the like: record the call and answer as
                # a client would when the person accepts (a save returns its name).
                self.calls.append((body.name, body.args or {}))
                self.invoked.append((body.name, body.control_id))
                task = self.loop.create_task(self._answer(body))
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)

    async def _answer(self, body) -> None:
        assert self.session is not None
        result = (body.args or {}).get("file_name") if body.name == "save_file" else None
        if body.name == "pick_files":
            result = self.files_to_pick
        self.session.handle_invoke_method_results(body.control_id, body.call_id, result, None)

    async def _push_route(self, body) -> None:
        assert self.session is not None
        page = self.session.page
        route = body.args["route"]
        self.session.apply_page_patch({"route": route})
        await self.session.dispatch_event(page._i, "route_change", {"route": route})
        self.session.handle_invoke_method_results(body.control_id, body.call_id, None, None)

    async def settle(self, rounds: int = 6) -> None:
        """Let scheduled navigation, renders and effects run to completion."""
        for _ in range(rounds):
            while self._pending:
                await asyncio.gather(*list(self._pending))
            await asyncio.sleep(0.01)


ACTIONABLE = (
    ft.Radio,
    ft.Checkbox,
    ft.FilledButton,
    ft.OutlinedButton,
    ft.TextButton,
    ft.IconButton,
    ft.TextField,
)
"""What a person taps or types into inside a row that also holds words (or a row that
makes a text field as wide as the page)."""


_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _child_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of a control class that can hold controls, in order: the public ones and
    `_b`, a component's rendered body (other private fields are bookkeeping); each with
    whether Flet keeps it in the control's `_values` (a `Prop`), read there directly."""
    if cls not in _FIELDS:
        public = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
        _FIELDS[cls] = (*((name, isinstance(_declared(cls, name), Prop)) for name in public), ("_b", False))
    return _FIELDS[cls]


def _declared(cls: type, name: str) -> object:
    """What the class (or the first base that has it) declares under `name`."""
    return next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)


class HeadlessApp:
    """One running session of the app, with helpers to find and use controls."""

    def __init__(self, client: HeadlessClient, session: Session):
        self.client = client
        self.session = session

    @property
    def page(self) -> ft.Page:
        return self.session.page

    def controls(self, root: BaseControl | None = None) -> Iterator[BaseControl]:
        """Every control now in the page (or under `root`), depth first."""
        for control, _ in self.controls_in_context(root):
            yield control

    def controls_in_context(
        self, root: BaseControl | None = None
    ) -> Iterator[tuple[BaseControl, str | None]]:
        """Every control (in the page, or under `root`) with the identifier of the nearest
        Semantics around it (or None), depth first in reading order.

        A stack, not nested generators: each control passed up through one generator per
        level of the tree, and the tests spent half their time in this walk."""
        seen: set[int] = set()
        if root is not None:
            stack: list[tuple[object, str | None]] = [(root, None)]
        else:
            # Open dialogs live beside the views, in the page's dialog stack.
            dialogs = [d for d in self.page._dialogs.controls if getattr(d, "open", False)]
            stack = [(dialogs, None), (self.page.views, None)]
        while stack:
            node, identifier = stack.pop()
            if isinstance(node, BaseControl):
                if id(node) in seen:
                    continue
                seen.add(id(node))
                yield node, identifier
                if isinstance(node, ft.Semantics) and node.identifier:
                    identifier = node.identifier
                values = node._values
                children = [
                    values.get(name) if prop else getattr(node, name, None)
                    for name, prop in _child_fields(type(node))
                ]
            elif isinstance(node, list | tuple):
                children = node
            else:
                continue
            stack.extend(
                (child, identifier)
                for child in reversed(children)
                if isinstance(child, BaseControl | list | tuple)
            )

    def texts(self) -> list[str]:
        """All text values the page shows (Text controls, Markdown sources)."""
        found = []
        for c in self.controls():
            value = getattr(c, "value", None)
            if isinstance(c, ft.Text | ft.Markdown) and isinstance(value, str):
                # Styled text (bold, a link) is in its spans, the value empty.
                found.append(value + "".join(s.text or "" for s in getattr(c, "spans", None) or []))
        return found

    def text(self) -> str:
        """All shown text joined, for `in` checks."""
        return "\n".join(self.texts())

    def semantics(self, identifier: str) -> ft.Semantics:
        """The `Semantics(identifier=...)` node itself: what a screen reader is told."""
        for c in self.controls():
            if isinstance(c, ft.Semantics) and c.identifier == identifier:
                return c
        raise LookupError(f"no control with identifier {identifier!r}; on page: {self.identifiers()}")

    def by_identifier(self, identifier: str) -> BaseControl:
        """The control wrapped in `Semantics(identifier=...)` (what a test can click): the
        content itself, or the radio, checkbox or button inside a row that holds its words."""
        content = self.semantics(identifier).content
        if isinstance(content, ft.Row | ft.Column):
            for control in self.controls(content):
                if isinstance(control, ACTIONABLE):
                    return control
        return content

    def identifiers(self) -> list[str]:
        return [c.identifier for c in self.controls() if isinstance(c, ft.Semantics) and c.identifier]

    def group_of(self, radio: ft.Radio) -> ft.RadioGroup:
        """The radio group a radio belongs to (which holds the picked value)."""
        return next(
            c
            for c in self.controls()
            if isinstance(c, ft.RadioGroup) and any(d is radio for d in self.controls(c.content))
        )

    def is_chosen(self, identifier: str) -> bool:
        """Whether the radio with this identifier is the picked answer of its group."""
        radio = self.by_identifier(identifier)
        assert isinstance(radio, ft.Radio), f"{identifier} is a {type(radio).__name__}, not a radio"
        return self.group_of(radio).value == radio.value

    async def click(self, identifier: str) -> None:
        """Click the control with this identifier, as the client would, and settle. A radio's
        click reaches the app as its group's change (the client sends no click for it)."""
        control = self.by_identifier(identifier)
        if isinstance(control, ft.Radio):
            await self.change(self.group_of(control), control.value)
            return
        await self.session.dispatch_event(control._i, "click", None)
        await self.client.settle()
        self.raise_errors()

    def raise_errors(self) -> None:
        """Fail loudly if the app crashed in a handler (Flet would show a red screen)."""
        if self.client.errors:
            raise AssertionError("the app crashed:\n" + "\n".join(self.client.errors))

    async def change(self, control: BaseControl, value: object) -> None:
        """Set a field's value as the client does (props patch, then 'change'), and settle."""
        self.session.apply_patch(control._i, {"value": value})
        await self.session.dispatch_event(control._i, "change", value)
        await self.client.settle()
        self.raise_errors()

    async def open_fold(self, identifier: str) -> None:
        """Open the fold (ExpansionTile) with this identifier, as a click on its header does."""
        tile = self.by_identifier(identifier)
        assert isinstance(tile, ft.ExpansionTile), f"{identifier} is a {type(tile).__name__}, not a fold"
        self.session.apply_patch(tile._i, {"expanded": True})
        await self.session.dispatch_event(tile._i, "change", True)
        await self.client.settle()
        self.raise_errors()

    async def resize(self, width: int, height: int) -> None:
        """Resize the window, as the client reports it (page size, then 'resize')."""
        self.session.apply_page_patch({"width": width, "height": height})
        await self.session.dispatch_event(self.page._i, "resize", {"width": width, "height": height})
        await self.client.settle()
        self.raise_errors()

    async def go(self, route: str) -> None:
        """Navigate as if the person typed the address."""
        await self.client._push_route(
            type("Body", (), {"args": {"route": route}, "control_id": self.page._i, "call_id": "typed"})()
        )
        await self.client.settle()


async def start_app(
    main: Callable[[ft.Page], None], route: str = "/", width: int = 1280, height: int = 860
) -> HeadlessApp:
    """Start `main` in a fresh session, as the web server does on REGISTER_CLIENT."""
    client = HeadlessClient(asyncio.get_running_loop())
    session = Session(client)
    client.session = session
    _context_page.set(session.page)
    session.apply_page_patch({"route": route, "width": width, "height": height, "platform": "linux"})
    client.send_message(
        Message(
            MessageAction.REGISTER_CLIENT,
            RegisterClientResponseBody(session_id=session.id, page_patch=session.get_page_patch(), error=""),
        )
    )
    main(session.page)
    await session.after_event(session.page)
    await client.settle()
    app = HeadlessApp(client, session)
    app.raise_errors()
    return app


def descendants(node: object) -> Iterator[ft.BaseControl]:
    """A control and everything inside it (as the harness walks the page)."""
    if isinstance(node, list | tuple):
        for child in node:
            yield from descendants(child)
        return
    if not isinstance(node, ft.BaseControl):
        return
    yield node
    for f in dataclasses.fields(node):
        if not f.name.startswith("_"):
            value = getattr(node, f.name, None)
            if isinstance(value, ft.BaseControl | list | tuple):
                yield from descendants(value)
    yield from descendants(getattr(node, "_b", None))


async def pick(app: HeadlessApp, identifier: str) -> None:
    """Tap the radio with this identifier: its group reports the radio's value, as the client does."""
    radio = app.by_identifier(identifier)
    assert isinstance(radio, ft.Radio), f"{identifier} is a {type(radio).__name__}, not a radio"
    group = next(
        c
        for c in app.controls()
        if isinstance(c, ft.RadioGroup) and any(d is radio for d in descendants(c.content))
    )
    await app.change(group, radio.value)
    group_now = next(c for c in app.controls() if isinstance(c, ft.RadioGroup) and c._i == group._i)
    assert group_now.value == radio.value, f"{identifier} did not stay picked"
