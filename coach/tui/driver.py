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
from threading import Event
from typing import Any

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

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
        """Textual's input loop (textual.drivers.linux_driver, 8.2.8) with the one change:
        `select` waits without a timeout unless input came within the last few polls."""
        self._drain_wakes()  # a stop from an earlier thread (suspend and resume)
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        feed = parser.feed
        tick = parser.tick

        decode = getincrementaldecoder("utf-8")().decode
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            terminal = [(key, mask) for key, mask in selector_events if key.fd == fileno]
            for last, (_selector_key, mask) in loop_last(terminal):
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        # This can occur if the stdin is piped
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        polls = 0
        try:
            while not self.exit_event.is_set():
                selector_events = selector.select(POLL_S if polls else None)
                if any(key.fd == fileno for key, _ in selector_events):
                    polls = POLLS_AFTER_INPUT
                else:
                    polls = max(0, polls - 1)
                if any(key.fd == self._wake_read for key, _ in selector_events):
                    self._drain_wakes()
                process_selector_events(selector_events)
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            with contextlib.suppress(EOFError, ParseError):
                for _event in feed(""):
                    pass
