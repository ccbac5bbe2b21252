"""A real pseudo-terminal for the benchmarks: start a program in it at a given size and time
what it shows, as a person at a terminal would see it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from pathlib import Path

#: The reference the benchmarks measure coach against: the same Textual with one line and a
#: footer, so what a figure adds over Textual itself is coach's own.
BARE_APP = """\
from textual.app import App
from textual.widgets import Footer, Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("A bare Textual app")
        yield Footer()


Bare().run()
"""


def sound_env(folder: Path, asoundrc: str) -> dict[str, str]:
    """The environment for a coach that plays through ALSA as `asoundrc` says: a HOME of its own
    under `folder` holding that file, coach's folders beside it, and no setting that turns
    sound off or points ALSA elsewhere."""
    home = folder / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(asoundrc)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALSA_")}
    env.pop("COACH_AUDIO", None)
    env.update(
        HOME=str(home),
        COACH_CONFIG_DIR=str(folder / "config"),
        COACH_DATA_DIR=str(folder / "data"),
        COACH_CACHE_DIR=str(folder / "cache"),
    )
    return env


#: Escape sequences (CSI, OSC, single-character) between the characters a terminal shows.
_ESCAPES = re.compile(rb"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")


def shown_text(output: bytes) -> str:
    """The characters in a terminal's output stream, escape sequences left out."""
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


class Terminal:
    """`argv` running in a pseudo-terminal of `columns` x `rows`; `output` is all it wrote."""

    def __init__(
        self, argv: list[str], env: dict[str, str], columns: int = 100, rows: int = 30
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal before anything reads it, then run
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execvpe(argv[0], argv, {**env, "TERM": "xterm-256color"})
        self.pid, self.fd = pid, fd
        self.output = b""

    def read(self, timeout: float) -> bool:
        """Read what the program wrote within `timeout` s; False once it has closed."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.output += chunk
        return bool(chunk)

    def wait_for(self, text: str = "", timeout: float = 20.0) -> float:
        """Seconds from the start until `text` is on the screen (by default: until anything
        is, which is the first frame); TimeoutError if it never is."""
        deadline = self.started + timeout
        while True:
            # Looked at before reading on: text already on the screen is not waited for again
            # (a second wait took until the program next wrote, up to 50 ms later).
            shown = shown_text(self.output)
            if text in shown if text else shown.strip():
                return time.perf_counter() - self.started
            if time.perf_counter() >= deadline or not self.read(0.05):
                break
        raise TimeoutError(
            f"{text!r} did not appear; the screen showed {shown_text(self.output)!r}"
        )

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
