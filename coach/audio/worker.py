"""A single background thread that runs audio jobs in order, so the UI loop never waits on them."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable

Job = Callable[[], None]


class SerialWorker:
    """Runs submitted jobs one at a time on a daemon thread, in submission order.

    Opening an audio device or running espeak-ng can take a while (or hang, with a stuck sound
    server); here that costs a late cue, not a frozen screen. An exception from a job goes to
    `on_error`: an uncaught one would reach the thread's default hook and print a traceback
    across the terminal. The thread ends after `idle_exit` seconds without work and a new one
    starts with the next job, so a worker nobody closes costs nothing for long.
    """

    def __init__(
        self,
        name: str,
        on_error: Callable[[Exception], None] | None = None,
        *,
        idle_exit: float = 30.0,
    ) -> None:
        self._name = name
        self._on_error = on_error
        self._idle_exit = idle_exit
        self._jobs: deque[Job] = deque()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._pending = 0  # queued plus running
        self._closed = False
        self._started_at: float | None = None

    def submit(self, job: Job) -> None:
        with self._changed:
            if self._closed:
                return
            self._jobs.append(job)
            self._pending += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def busy_for(self) -> float:
        """Seconds the running job has taken so far; 0 when idle."""
        started = self._started_at
        return 0.0 if started is None else time.monotonic() - started

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every submitted job has run; False if `timeout` passed first."""
        with self._changed:
            return self._changed.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        """Let the thread finish the jobs already queued, then end; later jobs are dropped."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._jobs or self._closed, self._idle_exit)
                if not self._jobs:
                    self._thread = None
                    return
                job = self._jobs.popleft()
                self._started_at = time.monotonic()
            try:
                job()
            except Exception as exc:
                if self._on_error is not None:
                    # A failing error callback must not end the thread either.
                    with contextlib.suppress(Exception):
                        self._on_error(exc)
            finally:
                with self._changed:
                    self._started_at = None
                    self._pending -= 1
                    self._changed.notify_all()
