"""The session's outside listeners (the history): every event to each, and no failure fatal.

A listener that raises is logged and kept: the next event may well succeed, and the person
is told once that this session may be missing from their history, never interrupted.
"""

from __future__ import annotations

import logging

from coach.routine.model import Routine
from coach.routine.timeline import Timeline
from coach.session.engine import Event
from coach.tui.kit import EventListener, ListenerFactory

log = logging.getLogger(__name__)


class SessionListeners:
    def __init__(self, factory: ListenerFactory | None, routine: Routine, timeline: Timeline):
        self._listeners: list[EventListener] = []
        self._failure: str | None = None
        self._told = False
        self.failures = 0
        if factory is None:
            return
        try:
            self._listeners = list(factory(routine, timeline))
        except Exception as exc:
            log.exception("making the session listeners failed")
            self._fail(f"This session will not be saved to your history: {exc}")

    def tell(self, event: Event) -> None:
        for listener in self._listeners:
            try:
                listener(event)
            except Exception as exc:
                log.exception("a session listener failed on %r", event)
                self._fail(f"This session may not be saved to your history: {exc}")

    def take_failure(self) -> str | None:
        """The first failure, once; None after that or when all went well."""
        if self._failure is None or self._told:
            return None
        self._told = True
        return self._failure

    def _fail(self, message: str) -> None:
        self.failures += 1
        if self._failure is None:
            self._failure = message
