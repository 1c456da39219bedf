"""Flet's web transport without its per-message debug text (issue 16).

`flet_web.fastapi.flet_app.FletApp.send_message` in Flet 1.0.5 starts with
`transport_log.debug(f"send_message: {message}")`: the f-string formats the repr of the
whole message, every control of a new page in it, before the logger is asked whether
debug is on. A click to Options made 1.6 million characters of text that nobody read,
40% on top of the server's own work for that click (measured in-process, CPU time).

`quiet_send_message()` replaces that one method with the same body minus the f-string
(the text is still logged when debug logging is on). It reaches into a private class, so
it does so only on the Flet version it was written against (flet is pinned to 1.0.5);
on any other it leaves Flet alone.
"""

from __future__ import annotations

import logging

import msgpack
from flet.controls.base_control import BaseControl
from flet.messaging.protocol import Message, configure_encode_object_for_msgpack
from flet.version import flet_version

PATCHED_VERSION = "1.0.5"
_encode = configure_encode_object_for_msgpack(BaseControl)


def quiet_send_message() -> bool:
    """Make Flet's web transport send each message without formatting it as text first.
    Returns whether the transport is now the quiet one (False on another Flet version)."""
    from flet_web.fastapi import flet_app

    app_class = flet_app.FletApp
    if getattr(app_class.send_message, "quiet", False):
        return True
    if flet_version != PATCHED_VERSION:
        return False
    loud = app_class.send_message
    log = flet_app.transport_log

    def send_message(self, message: Message) -> None:
        """Serialize and enqueue a message for the client, as Flet does: one packet,
        `[0x00][msgpack body]`."""
        if log.isEnabledFor(logging.DEBUG):
            loud(self, message)
            return
        body = msgpack.packb([message.action, message.body], default=_encode)
        self._FletApp__send_queue.put_nowait(b"\x00" + body)

    send_message.quiet = True  # type: ignore[attr-defined]
    app_class.send_message = send_message
    return True
