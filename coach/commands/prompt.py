"""Answers for shell prompts and status bars, such as `coach status --short`.

A prompt runs these at every command a person types, so they are reached before argparse and
the other command modules load (`coach.cli.FAST_PATHS`), and they remember their answer while
nothing it depends on changes: a prompt asking again then reads one small file, never the
history or the YAML.
"""

from __future__ import annotations

import io
import os
import sys

TYPE_CHECKING = False  # as in coach.cli: no `typing` on the prompt's fast path
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path


def status_short() -> int:
    """`coach status --short`, remembered. It depends on the day, the history, the settings
    (the plan) and which routines exist (a plan naming a missing one is told so)."""
    from coach import locations

    history = locations.data_dir() / locations.HISTORY_FILE
    depends_on = (
        history,
        history.with_name(history.name + "-wal"),
        locations.config_dir() / locations.SETTINGS_FILE,
        locations.user_routines_dir(),
    )
    return remembered("status-short", depends_on, _status_short_now)


def _status_short_now() -> int:
    import argparse

    from coach.commands.schedule import cmd_status

    return cmd_status(argparse.Namespace(short=True, json=False))


def remembered(name: str, depends_on: Sequence[Path], work_out: Callable[[], int]) -> int:
    """What `work_out` prints (on stdout and stderr) and returns, told again from the cache
    folder while the day, coach's version, the output's encoding and every file or folder in
    `depends_on` (its inode, size and time of change) are as they were when it was worked out.

    Anything else means working it out again; an answer is kept only when nothing it read
    changed while it was being worked out (opening the history may tidy its files once).
    """
    from coach import locations

    kept = locations.cache_dir() / name
    key = _key(depends_on)
    try:
        kept_key, _, rest = kept.read_text(encoding="utf-8").partition("\n")
        code, _, said = rest.partition("\n")
        out, nul, err = said.partition("\0")
        if kept_key == key and code.lstrip("-").isdigit() and nul:
            sys.stdout.write(out)
            sys.stderr.write(err)
            return int(code)
    except (OSError, UnicodeDecodeError):
        pass
    out_stream, err_stream = sys.stdout, sys.stderr
    out_buffer, err_buffer = _like(out_stream), _like(err_stream)
    sys.stdout, sys.stderr = out_buffer, err_buffer
    try:
        code_now = work_out()
    finally:
        sys.stdout, sys.stderr = out_stream, err_stream
        out_text, err_text = _text_of(out_buffer), _text_of(err_buffer)
        out_stream.write(out_text)
        err_stream.write(err_text)
    if _key(depends_on) == key and "\0" not in out_text:
        from coach.files import write_atomic

        try:
            locations.cache_dir(create=True)
            write_atomic(kept, f"{key}\n{code_now}\n{out_text}\0{err_text}")
        except OSError:
            pass  # an answer that cannot be kept only makes the next prompt slower
    return code_now


def _like(stream: object) -> io.TextIOWrapper:
    """A text buffer that encodes as `stream` does, so `✓` becomes `+` where it would there."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace", newline="")


def _text_of(buffer: io.TextIOWrapper) -> str:
    buffer.flush()
    raw = buffer.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode(buffer.encoding, "replace")


def _key(depends_on: Sequence[Path]) -> str:
    """What a remembered answer depends on, as one line."""
    import time

    from coach import __version__

    parts = [__version__, time.strftime("%Y-%m-%d"), sys.stdout.encoding or "-"]
    for path in depends_on:
        try:
            info = os.stat(path)
        except OSError:
            parts.append(f"{path}:none")
            continue
        parts.append(f"{path}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)
