"""Writing a person's files without ever losing one.

Every write goes through a finished temporary file and a rename, so a crash or a full disk
never leaves half a file; a new file never replaces an existing one; an overwritten file keeps
its permissions and, when asked, its previous version as `NAME.bak`. A symbolic link stays a
link: the file it points to is the one replaced.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept: `my-feet.yaml.bak` (which no list of
    routines picks up)."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, content: str | bytes, *, backup: bool = False) -> Path | None:
    """Replace `path` with `content` in one step, so readers see the old file or the new one.

    With `backup`, the file's previous version (if there was one) is first saved to
    `backup_path(path)`, and that path is returned. The file keeps its permissions; a new
    one gets those the system gives any new file.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(os.path.realpath(path))
    try:
        old = path.read_bytes()
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        old, mode = None, None
    saved = None
    if backup and old is not None:
        saved = backup_path(path)
        _replace(saved, old, mode)
    _replace(path, data, mode)
    return saved


def write_new(path: Path, content: str) -> None:
    """Create `path` with `content`; FileExistsError, with nothing changed, if it exists.

    The file appears whole through a hard link to a finished temporary file, which the
    system refuses when the name is taken, so even a file made a moment earlier is kept.
    """
    temp = _finished_temp(path, content.encode("utf-8"), None)
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: exclusive creation is the next best thing.
        _create_exclusive(path, content.encode("utf-8"))
    finally:
        temp.unlink(missing_ok=True)


def _create_exclusive(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        try:
            handle.write(data)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    temp = _finished_temp(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _finished_temp(path: Path, data: bytes, mode: int | None) -> Path:
    """A hidden file next to `path` holding `data`, flushed to disk, with `mode` (or, left
    as None, the permissions the system gives any new file)."""
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
