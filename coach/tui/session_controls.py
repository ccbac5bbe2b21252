"""Which of the session screen's keys work now, from the engine and the sound alone: the
footer shows only those, and is drawn again only when the answer changes."""

from __future__ import annotations

from coach.session.cues import is_tempo
from coach.session.engine import SessionEngine

#: What the footer's keys depend on: paused, muted, a self-paced step, an adjustable one.
Controls = tuple[bool, bool, bool, bool]


def adjustable(engine: SessionEngine) -> bool:
    """±10 s works on a timed step: not on a self-paced one, nor on one kept by a tempo."""
    segment = engine.current
    return segment is not None and not segment.self_paced and not is_tempo(segment)


def controls(engine: SessionEngine, muted: bool) -> Controls:
    segment = engine.current
    self_paced = segment is not None and segment.self_paced
    return engine.paused, muted, self_paced, adjustable(engine)


def offered(action: str, engine: SessionEngine, muted: bool, ended: bool) -> bool:
    """Whether the key for `action` works (and shows) now."""
    running = engine.started and not engine.finished and not ended
    if action == "pause":
        return running and not engine.paused
    if action == "resume":
        return running and engine.paused
    if action == "done":
        segment = engine.current
        return running and segment is not None and segment.self_paced
    if action == "adjust":
        # Hidden rather than greyed out, so the footer fits 80 columns.
        return running and adjustable(engine)
    if action == "mute":
        return not muted
    if action == "unmute":
        return muted
    return True
