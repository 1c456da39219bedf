"""Whether Flet's desktop client is already on this computer.

flet-desktop 1.0.5 does not ship the client in its wheel: on first use it
downloads it from the Flet project's releases. decisionaid makes no network
calls on its own, so it looks first and asks the person before any download.
"""

from __future__ import annotations

import os


def desktop_client_available() -> bool:
    """True when the window can open without downloading anything."""
    if os.environ.get("FLET_VIEW_PATH"):
        return True
    try:
        import flet_desktop
    except ImportError:
        return False
    artifact = flet_desktop.get_artifact_filename()
    if os.path.exists(os.path.join(flet_desktop.get_package_bin_dir(), artifact)):
        return True
    # Module-level double-underscore names are not mangled; this is Flet's own
    # cache location (~/.flet/client/flet-desktop-<flavor>-<version>).
    storage_dir = getattr(flet_desktop, "__get_client_storage_dir", None)
    return bool(storage_dir and storage_dir(None).exists())
