"""Files in the data folder, handled so that no file can stop the app: a size limit
on what is read, special files refused, atomic writes, and tidying after a crash."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

try:  # POSIX: a save holds a lock on its temp file, so a start-up sweep can tell it is alive
    import fcntl
except ImportError:  # Windows refuses to delete a file that is open, which does the same
    fcntl = None  # type: ignore[assignment]

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class UnreadableFile(Exception):
    """A file that is not an ordinary file of a sane size; `reason` says why in plain words."""

    def __init__(self, path: Path, kind: str, reason: str):
        self.path = path
        self.kind = kind
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def megabytes(size: int) -> str:
    """A size as a person reads it: '4 MB', '50 MB', '0.5 MB'."""
    return f"{size / (1024 * 1024):.3g} MB"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes, or UnreadableFile.

    Links are followed (a session may be a link to a file elsewhere), but a link to
    a device, a pipe or a folder is refused before it is opened for reading:
    /dev/zero would never end, and a pipe would wait forever for a writer.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(path, "missing", "there is no file here") from None
    except OSError as error:  # a loop of links, no permission, a name too long
        raise UnreadableFile(
            path, "corrupt", f"the file cannot be read ({error.strerror or error})"
        ) from None
    _check_kind(path, info, limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(
            path, "corrupt", f"the file cannot be read ({error.strerror or error})"
        ) from None
    try:
        _check_kind(path, os.fstat(fd), limit)  # it may have been swapped since the stat above
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableFile(
            path, "corrupt", f"the file cannot be read ({error.strerror or error})"
        ) from None
    finally:
        os.close(fd)
    if left <= 0:  # it grew past the limit while it was read
        raise UnreadableFile(path, "too_big", _too_big(limit + 1, limit))
    return b"".join(chunks)


def _check_kind(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(path, "foreign", "this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(
            path, "foreign", "this is not an ordinary file (it is a device, a pipe or a socket)"
        )
    if info.st_size > limit:
        raise UnreadableFile(path, "too_big", _too_big(info.st_size, limit))


def _too_big(size: int, limit: int) -> str:
    return f"the file is too big ({megabytes(size)}; a saved file may be at most {megabytes(limit)})"


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write via a temp file, fsync and rename, so a crash never leaves half a file.

    The file is readable by its owner only: it may hold health information. The
    temp file is locked while it is written, so a sweep at start-up leaves it alone.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    for attempt in (1, 2):
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            if fcntl is not None:
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            os.chmod(temp, 0o600)
            try:
                os.replace(temp, path)
            except FileNotFoundError:
                # Another window's start-up sweep took the temp file in the instant
                # before it was locked: write it once more.
                if attempt == 1 and not os.path.lexists(temp) and path.parent.is_dir():
                    continue
                raise
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        finally:
            os.close(fd)
        break
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path, name: str) -> int:
    """Remove the `.{name}.*.tmp` files a crash left in `folder` (they may hold a whole
    session); a temp file that a save is writing right now is skipped. How many went."""
    removed = 0
    try:
        temps = list(folder.glob(f".{name}.*.tmp"))
    except OSError:
        return 0
    for temp in temps:
        if _abandoned(temp):
            with contextlib.suppress(OSError):
                temp.unlink()
                removed += 1
    return removed


def _abandoned(temp: Path) -> bool:
    """Whether no save holds this temp file: its lock can be taken (POSIX)."""
    if fcntl is None:
        return True  # Windows: deleting a file another save holds open fails, and is skipped
    try:
        fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False  # not an ordinary file we can open: not ours to sweep
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # also drops the lock just taken


def free_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3` ... whichever is not taken yet, so nothing is overwritten."""
    candidate, number = path, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def remove_entry(path: Path) -> bool:
    """Remove one entry the app left: a file or a link (never what a link points to), or
    a folder only when it is empty (the app never writes into one). True if it went."""
    try:
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False  # a folder with someone's files in it, or a folder that cannot be changed
    return True


def copy_new(path: Path, data: bytes) -> None:
    """Write `data` to a new file that must not exist yet (owner-only); never replaces one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)
    _fsync_folder(path.parent)
