"""Content loaded once per content version, then read back from a JSON cache (issue 16).

Parsing the YAML and Markdown of a locale and checking it takes about a quarter of a
second, at every start of the app and every `decisionaid summary`. The loaded `Content`
is written as JSON beside the user's other caches; the next start validates that JSON
(about 10 ms) instead of reading the files again.

The cache is never trusted blindly:
- its name is a hash of every byte of the content folder and of this package's code, so
  an edited content file or a new version of decisionaid misses it, whatever the
  file times say;
- it is validated by the same pydantic models as a fresh load (strict, no extra fields);
- anything wrong with it (unreadable, cut short, hand-edited, an old shape) is ignored and
  the content is loaded from its files again; a cache that cannot be written is skipped.
Content that fails its checks is never cached: the problems are raised as before.
JSON, not pickle: reading a file in a user-writable folder must not run code.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from decisionaid import __version__
from decisionaid.domain.content import Content

PACKAGE_DIR = Path(__file__).resolve().parents[1]
CACHE_FORMAT = "1"
"""Bumped by hand only if the cache file's layout (not the models) ever changes."""


def content_key(root: Path) -> str:
    """A hash of every file under the content folder (names and bytes), of every Python file
    of this package and of its version: any change to one of them gives a new key."""
    # The version too: a packaged app may ship its code compiled, with no .py files to hash.
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0".encode())
    for base, pattern in ((root, "*"), (PACKAGE_DIR, "*.py")):
        for path in sorted(p for p in base.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(base)).encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def cached_content(root: Path, cache_dir: Path | None) -> Content:
    """The content of one locale folder, from the cache when it holds this exact version;
    raises ContentProblems as `load_content` does. `cache_dir` None: no cache at all."""
    if cache_dir is None:
        return _load(root)
    try:
        path = cache_dir / f"content-{content_key(root)}.json"
    except OSError:
        return _load(root)  # an unreadable content file: the loader says which, plainly
    try:
        return Content.model_validate_json(path.read_bytes())
    except (OSError, ValueError):  # missing, unreadable or not this shape: load afresh
        pass
    content = _load(root)
    _write(path, content.model_dump_json().encode("utf-8"))
    return content


def _load(root: Path) -> Content:
    # Imported here: the loader's checks (reading grades, cited numbers) are only needed
    # when the cache misses, and importing them costs a tenth of a second.
    from decisionaid.loader.load import load_content

    return load_content(root)


def _write(path: Path, data: bytes) -> None:
    """Write the cache file whole or not at all; a folder that cannot be written is skipped,
    and older versions' files are removed so the folder does not grow."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".content-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        for old in path.parent.glob("content-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
