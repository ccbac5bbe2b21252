"""Writing what a command made (an export, a report, a calendar) where the person asked.

Kept apart from any one command family because `export`, `report` and `calendar` write the same
way and must fail the same way: one line naming the file, exit 1, nothing half-written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from coach.commands.common import say


def save_output(path: Path, fill: Callable[[TextIO], None] | bytes) -> bool:
    """Write to `path` (`-` is standard output) as `write_atomically` does; when the file
    cannot be written, say why in one line and return False. A closed pipe is not an error
    to report here: it goes up to the CLI, which ends quietly."""
    try:
        write_atomically(path, fill)
    except BrokenPipeError:
        raise
    except OSError as exc:
        say(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True


def write_atomically(path: Path, fill: Callable[[TextIO], None] | bytes) -> None:
    """Write the export where the person asked, never half-written and never clobbering.

    `fill` writes text to the stream it is given; bytes (a PDF) are written as they are.
    `-` is standard output. A device or pipe (/dev/stdout, a FIFO) is written in place. A
    regular file, or a new path, is replaced in one step by `coach.files.write_atomic` (which
    keeps its permissions, and a symbolic link a link); a read-only file is refused.
    """
    import errno
    import io
    import stat

    from coach.files import write_atomic

    if str(path) == "-":
        if isinstance(fill, bytes):
            sys.stdout.buffer.write(fill)
        else:
            fill(sys.stdout)
        return
    try:
        mode: int | None = path.stat().st_mode  # follows links: what is written to
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if isinstance(fill, bytes):
            path.write_bytes(fill)
            return
        with open(path, "w", encoding="utf-8", newline="") as out:
            fill(out)
        return
    if mode is not None and not mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    if isinstance(fill, bytes):
        write_atomic(path, fill)
        return
    content = io.StringIO(newline="")
    fill(content)
    write_atomic(path, content.getvalue())
