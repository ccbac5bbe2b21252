"""The terminal driver: Textual's own, with an input thread that sleeps until there is input.

Textual's `LinuxDriver` looks at the terminal ten times a second whether or not a key comes:
in a running session that was about a fifth of all the CPU coach spent. This driver waits on
the terminal and on a pipe that wakes it to stop, and polls every 0.1 s only for a moment after
input, the time in which Textual tells a lone Escape from the start of a key sequence.
"""

from __future__ import annotations

import contextlib
import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable
from threading import Event
from typing import Any

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

#: Textual's own poll, kept after input: its parser times a lone Escape out after 0.1 s.
POLL_S = 0.1
#: Polls after the last input before sleeping again (a margin over the one a timeout needs).
POLLS_AFTER_INPUT = 5


class _WakingEvent(Event):
    """The driver's stop signal; setting it also wakes the input thread from its wait."""

    def __init__(self, wake_fd: int) -> None:
        super().__init__()
        self.wake_fd: int | None = wake_fd  # None once the pipe is closed

    def set(self) -> None:
        super().set()
        if self.wake_fd is not None:
            with contextlib.suppress(OSError):  # full: a wake is already waiting
                os.write(self.wake_fd, b"\0")


class _TerminalInput:
    """What the terminal sends, turned into Textual's events for the app, and how long the
    input thread may wait for more."""

    def __init__(self, fd: int, parser: XTermParser, post: Callable[[Message], None]) -> None:
        self.fd = fd
        self._parser = parser
        # A key's UTF-8 bytes may come split over two reads: the decoder keeps the first part.
        self._decoder = getincrementaldecoder("utf-8")()
        self._post = post
        self._polls_left = 0

    def wait_s(self) -> float | None:
        """How long the next wait may last: without end, unless input came within the last
        few waits. Then the parser may hold an Escape that could begin a key sequence, and
        only time passing (its tick) tells it that the Escape was pressed alone."""
        return POLL_S if self._polls_left else None

    def waited(self, *, sent: bool) -> None:
        """Counts one wait, after which the terminal had `sent` something or not."""
        self._polls_left = POLLS_AFTER_INPUT if sent else max(0, self._polls_left - 1)

    def read(self) -> None:
        """Reads what the terminal sent and passes on the events it completes."""
        text = self._decoder.decode(os.read(self.fd, 4096))
        # Nothing decoded: the end of a piped stdin, or half a character. Feeding the parser
        # an empty string would tell it the input has ended.
        if text:
            for event in self._parser.feed(text):
                self._post(event)

    def tick(self) -> None:
        """Passes on what the parser lets go of as time passes (a lone Escape)."""
        for event in self._parser.tick():
            self._post(event)

    def end(self) -> None:
        """Tells the parser the input has ended. Whatever it still held is dropped, as in
        Textual's driver: nothing reads the events by then."""
        with contextlib.suppress(EOFError, ParseError):
            for _event in self._parser.feed(""):
                pass


class QuietLinuxDriver(LinuxDriver):
    """`LinuxDriver` whose input thread wakes for input and for stopping, not on a timer."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self._stop = self.exit_event = _WakingEvent(self._wake_write)

    def close(self) -> None:
        super().close()
        # Textual stops input again after closing (its `stop_application_mode`): from now on
        # the stop signal writes nowhere, not to whatever file takes the pipe's number next.
        self._stop.wake_fd = None
        for fd in (self._wake_read, self._wake_write):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _drain_wakes(self) -> None:
        with contextlib.suppress(OSError):  # BlockingIOError once empty
            while os.read(self._wake_read, 512):
                pass

    def run_input_thread(self) -> None:
        """Passes on what the terminal sends until the stop signal is set, as Textual's
        `LinuxDriver.run_input_thread` does, but waking for input and for the stop signal
        rather than every 0.1 s."""
        self._drain_wakes()  # a stop from an earlier thread (suspend and resume)
        terminal = _TerminalInput(self.fileno, XTermParser(self._debug), self.process_message)
        selector = selectors.SelectSelector()
        selector.register(terminal.fd, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        try:
            while not self.exit_event.is_set():
                ready = {key.fd for key, _mask in selector.select(terminal.wait_s())}
                terminal.waited(sent=terminal.fd in ready)
                if self._wake_read in ready:
                    self._drain_wakes()
                if terminal.fd in ready:
                    terminal.read()
                terminal.tick()
            # Stopped: nothing reads events any more, so there is no last wait for the parser
            # to let go of a lone Escape (Textual's loop waits one more poll, 0.1 s on every
            # quit, since the stop's wake is drained by then).
        finally:
            selector.close()
            terminal.end()
