"""What the person asked of the sound, apart from the sound machinery so that the app can hold
it without loading any of that before a session starts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SoundChoices:
    """What the person asked for: loudness, silence, speech."""

    volume: float = 0.8
    muted: bool = False
    voice: bool = True
