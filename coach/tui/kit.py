"""What a session screen needs from outside: the clock, the sound, and the history's listeners.

Built once by `make_app`, so the CLI and every test hand the same things in the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.audio.choices import SoundChoices

if TYPE_CHECKING:
    from coach.audio.backend import AudioBackend
    from coach.routine.model import Routine
    from coach.routine.timeline import Timeline
    from coach.session.clock import Clock
    from coach.session.engine import Event

# Named as text: the session's modules load with the first session, not with the app.
EventListener = Callable[["Event"], None]
ListenerFactory = Callable[["Routine", "Timeline"], list[EventListener]]


class BackendSlot:
    """The app's one audio backend, made on first use (off the UI loop) and then kept."""

    def __init__(self, backend: AudioBackend | None = None) -> None:
        self._backend = backend
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Make the backend now, on a background thread: opening the sound device takes tens
        of milliseconds, which a session would otherwise wait for before its clock starts."""
        threading.Thread(target=self, name="coach-audio-warm", daemon=True).start()

    def __call__(self) -> AudioBackend:
        with self._lock:
            if self._backend is None:
                from coach.audio.backend import SimpleaudioBackend

                self._backend = SimpleaudioBackend()
            return self._backend


@dataclass(frozen=True)
class SessionKit:
    clock: Clock
    backend: BackendSlot
    choices: SoundChoices
    listeners: ListenerFactory | None = None
    drawings: bool = True  # `drawings: off` in the settings hides them
