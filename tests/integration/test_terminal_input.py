"""The terminal's input thread (issue #10, a session's CPU): it sleeps until a key comes instead
of looking ten times a second, yet keys, a lone Escape and quitting work as in Textual's own
driver. The thread is driven through a real pipe; the app through a real pseudo-terminal."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual import events
from textual.message import Message

import coach.tui.driver as driver_module
from coach.tui.driver import POLL_S, QuietLinuxDriver

#: A rep of a minute and more: "Rep 1/20" cannot pass while the test types, however loaded the
#: machine (with 5 s reps it could have, and the test would have failed for no fault).
CPU_ROUTINE = """\
name: Keys
prepare: 2s
steps:
  - {exercise: calf-raise, reps: 20, tempo: {up: 30s, hold: 1s, down: 30s}}
"""


class Recorded(QuietLinuxDriver):
    """The driver with what it reads kept, not posted to an app."""

    def __init__(self, *args: object, **options: object) -> None:
        super().__init__(*args, **options)  # type: ignore[arg-type]
        self.keys: list[str] = []
        self.key_read = threading.Event()
        #: The input thread's waits, when a test watches them; and how many it had begun as
        #: each key was read (read in the thread itself, so nothing later is counted).
        self.waits: list[float | None] | None = None
        self.waits_at_key: list[int] = []

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Key):
            self.keys.append(message.key)
            if self.waits is not None:
                self.waits_at_key.append(len(self.waits))
            self.key_read.set()


class Waits(list[float | None]):
    """The timeout of every wait of the input thread, in order; a test can wait for the
    thread to reach a wait rather than for time to pass."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def add(self, timeout: float | None) -> None:
        with self.changed:
            self.append(timeout)
            self.changed.notify_all()

    def until(self, reached: Callable[[Waits], bool], timeout: float = 5.0) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: reached(self), timeout)


@pytest.fixture
def timeouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Waits]:
    """The input thread's waits, as it begins each."""
    waits = Waits()

    class Selector(driver_module.selectors.SelectSelector):
        def select(self, timeout: float | None = None) -> list[tuple[object, int]]:  # type: ignore[override]
            waits.add(timeout)
            return super().select(timeout)  # type: ignore[return-value]

    monkeypatch.setattr(driver_module.selectors, "SelectSelector", Selector)
    yield waits


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A pipe standing in for the terminal: yields its write end."""
    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "__stdin__", os.fdopen(read_end, "rb", buffering=0))
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT)}
    yield write_end
    for sig, handler in handlers.items():  # the driver installs its own for Ctrl+Z
        signal.signal(sig, handler)
    os.close(write_end)


async def test_the_input_thread_waits_for_input_and_is_woken_to_stop(
    terminal: int, timeouts: Waits, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(driver_module, "POLLS_AFTER_INPUT", 2)
    driver = Recorded(object())
    driver.waits = timeouts
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        os.write(terminal, b"a")
        assert driver.key_read.wait(5.0)
        driver.key_read.clear()
        os.write(terminal, b"b")
        assert driver.key_read.wait(5.0)
        # Asleep again once its polls after the second key have run out.
        read_b = driver.waits_at_key[-1]
        assert timeouts.until(lambda waits: None in waits[read_b:])
        assert driver.keys == ["a", "b"]
        # Asleep until the first key; after each key a few polls of Textual's 0.1 s (a lone
        # Escape is told by the time that passes), then asleep again.
        assert timeouts[0] is None
        assert timeouts[-3:] == [POLL_S, POLL_S, None]
        assert set(timeouts) == {None, POLL_S}
        driver.exit_event.set()
        thread.join(5.0)
        # Its wait had no end: only the wake can have stopped it (no wall-clock bound here, which
        # a busy machine would break).
        assert not thread.is_alive(), "woken to stop"
    finally:
        driver.exit_event.set()
        thread.join(5.0)
        driver.close()


async def test_a_lone_escape_still_arrives(terminal: int, timeouts: Waits) -> None:
    driver = Recorded(object())
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        os.write(terminal, b"\x1b")
        assert driver.key_read.wait(5.0), "Escape is told from a sequence by its timeout"
        assert driver.keys == ["escape"]
    finally:
        driver.exit_event.set()
        thread.join(5.0)
        driver.close()


def _screen(output: bytearray) -> str:
    """The text written so far, without the escape sequences between it."""
    plain = re.sub(rb"\x1b\[[0-9;?<>=]*[a-zA-Z~]|\x1b[()][AB0]|\x1b[=>]", b"", bytes(output))
    return " ".join(plain.decode("utf-8", "replace").split())


def test_keys_escape_and_quitting_work_in_a_real_terminal(tmp_path: Path) -> None:
    routine = tmp_path / "keys.yaml"
    routine.write_text(CPU_ROUTINE)
    env = {
        **os.environ,
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CACHE_DIR": str(tmp_path / "cache"),
        "COACH_AUDIO": "silent",
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child: coach in a terminal of its own
        os.execve(sys.executable, [sys.executable, "-m", "coach", "run", str(routine)], env)
    output = bytearray()
    done = 0

    def shows(words: str, within: float = 10.0) -> bool:
        """Whether `words` appear on screen from now on, reading as the app writes."""
        output.clear()
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    output.extend(os.read(fd, 65536))
                except OSError:
                    return False
                if words in _screen(output):
                    return True
        return False

    try:
        assert shows("Rep 1/20"), _screen(output)
        os.write(fd, b"q")
        assert shows("Stop this session?")
        os.write(fd, b"\x1b")  # a lone Escape: "Go on"
        # The session's own footer back (the question has one of its own) is the sign the
        # Escape was read alone: a `q` sent while it might still start a sequence is Alt+Q.
        assert shows("Pause"), "the question answered, the session shown again"
        os.write(fd, b"q")
        assert shows("Stop this session?"), "a second q asks again: the first was answered"
        os.write(fd, b"y")
        assert shows("Session stopped")
        os.write(fd, b"\x1b")
        started = time.monotonic()
        while time.monotonic() - started < 5.0:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if select.select([fd], [], [], 0.05)[0]:
                with contextlib.suppress(OSError):  # the terminal closed as the app ended
                    os.read(fd, 65536)
        assert done, "the app ended"
        assert os.waitstatus_to_exitcode(status) == 1  # stopped, not completed
    finally:
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def test_the_app_takes_the_quiet_driver_unless_another_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual import constants

    from coach.audio.backend import SilentBackend
    from coach.settings import Settings
    from coach.tui.app import make_app

    assert make_app(audio=SilentBackend(), settings=Settings()).driver_class is QuietLinuxDriver
    monkeypatch.setattr(constants, "DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    named = make_app(audio=SilentBackend(), settings=Settings()).driver_class
    assert named.__name__ == "HeadlessDriver"


async def test_stopping_after_close_writes_to_no_file(terminal: int) -> None:
    """Textual stops input once more after closing the driver: the pipe's file numbers may
    belong to another file by then, which must not be written to."""
    driver = Recorded(object())
    closed = {driver._wake_read, driver._wake_write}
    driver.close()
    read_end, write_end = os.pipe()  # takes the closed pipe's numbers, as a later file would
    try:
        assert write_end in closed, "the test needs the old wake pipe's number reused"
        os.set_blocking(read_end, False)
        driver.exit_event.set()
        with pytest.raises(BlockingIOError):
            os.read(read_end, 1)
    finally:
        os.close(read_end)
        os.close(write_end)
