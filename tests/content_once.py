"""Each version of the content, loaded and checked once per test worker.

Loading a locale (YAML, Markdown and every check) takes a third to half a second; the GUI
tests did it hundreds of times a run, in each in-process app and in each test that reads
the interface strings. A worker keeps each version's loaded JSON, keyed as the on-disk
cache is (`loader.cache.content_key`: every byte of the content and of the code), and
every caller still gets its own object, validated by the same models. An edited copy of
the content has another key and is loaded afresh; content with problems raises as before
and is never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from decisionaid.domain.content import Content
from decisionaid.loader.cache import content_key

_LOADED: dict[str, bytes] = {}


def once(root: Path, load: Callable[[Path], Content]) -> Content:
    """The content of `root`, loaded by `load` the first time this worker sees its version."""
    key = content_key(root)
    if key in _LOADED:
        return Content.model_validate_json(_LOADED[key])
    content = load(root)
    _LOADED[key] = content.model_dump_json().encode("utf-8")
    return content


def loaded(root: Path) -> Content:
    """`load_content(root)`, once per content version and worker."""
    from decisionaid.loader import load_content

    return once(root, load_content)
