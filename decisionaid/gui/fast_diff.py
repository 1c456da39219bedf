"""Flet's walk over added and removed controls, without its per-field generators (issue 16).

When a click brings a new page, Flet 1.0.5 walks every control the page adds and every one
it removes (`DiffBuilder._configure_dataclass` and `_removed_controls` in
`flet.controls.object_patch`). The walk is a chain of `yield from` generators, one made for
every field of every control (a Text has about 60), and each control found passes up
through every generator above it. On the journey that was 700,000 generator calls for
9,500 controls, and most of a click's server time (measured with cProfile, 2026-12-01).

`fast_control_walk()` replaces those two methods with the same walks done by plain
recursion into one list, in the same order and with the same side effects: a value that
is not a dataclass, a dict or a list is skipped before any call (neither walk does
anything with one), and each class's field names are looked up once. Both methods are
only ever drained whole (`ObjectPatch.from_diff` turns them into lists), so nothing
depends on their being lazy. It reaches into a private class, so it does so only on the
Flet version it was written against (flet is pinned); on any other it leaves Flet alone.
`tests/gui/test_fast_diff.py` checks that every page of the app makes the same patch, the
same added and the same removed controls with and without it.
"""

from __future__ import annotations

import dataclasses
import logging
import weakref
from typing import Any

from flet.controls import object_patch
from flet.version import flet_version

PATCHED_VERSION = "1.0.5"
_SKIPPED = frozenset({str, int, float, bool, type(None), bytes})
"""Types neither walk looks into: skipped before a call is made."""
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(item: Any) -> tuple[str, ...]:
    """The names of the dataclass fields Flet walks (those not marked `skip`), per class."""
    key = item if isinstance(item, type) else type(item)
    names = _FIELDS.get(key)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(item) if not f.metadata.get("skip", False))
        _FIELDS[key] = names
    return names


def _configure(builder: Any, item: Any, parent: Any, frozen: bool, setattr_only: bool, out: list) -> None:
    """`DiffBuilder._configure_dataclass`, appending the controls it yields to `out`."""
    if type(item) in _SKIPPED:
        return
    control_cls = builder.control_cls
    if dataclasses.is_dataclass(item):
        log = object_patch.logger
        if log.isEnabledFor(logging.DEBUG):
            log.debug("\n_configure_dataclass: %s %s %s", item, frozen, setattr_only)
        if parent is None:
            parent_ref = getattr(item, "_parent", None)
            parent = parent_ref() if parent_ref else None
        if parent:
            if parent is item:
                raise object_patch.ObjectPatchException(f"Parent is the same as item: {item}")
            item._parent = weakref.ref(parent)
        if hasattr(item, "_frozen"):
            frozen = item._frozen
        elif frozen:
            item._frozen = frozen
        item_cls = item.__class__
        if getattr(item_cls, "__flet_control_cls__", None) is None:
            item_cls.__flet_control_cls__ = control_cls
        is_control = bool(control_cls) and isinstance(item, control_cls)
        if is_control:
            if not setattr_only:
                item.build()
                item._before_update_safe()
                object.__setattr__(item, "_initialized", True)
            out.append(item)
        if not setattr_only:
            child_parent = item if is_control else parent
            for name in _field_names(item):
                value = getattr(item, name)
                if type(value) not in _SKIPPED:
                    _configure(builder, value, child_parent, frozen, False, out)
        if not frozen:
            dst_dirty = getattr(item, "_dirty", None)
            if dst_dirty is not None:
                dst_dirty.clear()
            else:
                item_cls = type(item)
                if item_cls.__setattr__ is not object_patch._control_setattr:
                    item_cls.__setattr__ = object_patch._control_setattr
                object.__setattr__(item, "__changes", {})
    elif isinstance(item, dict):
        for value in item.values():
            _configure(builder, value, parent, frozen, False, out)
    elif isinstance(item, list):
        for value in item:
            _configure(builder, value, parent, frozen, False, out)


def _removed(builder: Any, item: Any, recurse: bool, out: list) -> None:
    """`DiffBuilder._removed_controls`, appending the controls it yields to `out`."""
    if type(item) in _SKIPPED:
        return
    control_cls = builder.control_cls
    if control_cls and isinstance(item, control_cls):
        if hasattr(item, "__prev_lists"):
            for value in getattr(item, "__prev_lists", {}).values():
                _removed(builder, value, recurse, out)
            for value in getattr(item, "__prev_dicts", {}).values():
                _removed(builder, value, recurse, out)
            for value in getattr(item, "__prev_classes", {}).values():
                _removed(builder, value, recurse, out)
        elif recurse:
            for name in _field_names(item):
                _removed(builder, getattr(item, name), recurse, out)
        out.append(item)
    elif isinstance(item, dict):
        for value in item.values():
            _removed(builder, value, recurse, out)
    elif isinstance(item, list):
        for value in item:
            _removed(builder, value, recurse, out)


def configure_dataclass(
    self: Any, item: Any, parent: Any, frozen: bool, configure_setattr_only: bool = False
):
    """Drop-in for `DiffBuilder._configure_dataclass`: the controls, as a list."""
    out: list = []
    _configure(self, item, parent, frozen, configure_setattr_only, out)
    return out


def removed_controls(self: Any, item: Any, recurse: bool):
    """Drop-in for `DiffBuilder._removed_controls`: the controls, as a list."""
    out: list = []
    _removed(self, item, recurse, out)
    return out


ORIGINAL = (object_patch.DiffBuilder._configure_dataclass, object_patch.DiffBuilder._removed_controls)
"""Flet's own walks, kept so tests can compare the two."""


def fast_control_walk() -> bool:
    """Make Flet walk added and removed controls without generators. Returns whether it
    now does (False on another Flet version, where Flet is left as it is)."""
    builder = object_patch.DiffBuilder
    if builder._configure_dataclass is configure_dataclass:
        return True
    if flet_version != PATCHED_VERSION:
        return False
    builder._configure_dataclass = configure_dataclass
    builder._removed_controls = removed_controls
    return True


def flet_control_walk() -> None:
    """Put Flet's own walks back (for tests that compare the two)."""
    object_patch.DiffBuilder._configure_dataclass, object_patch.DiffBuilder._removed_controls = ORIGINAL
