"""The session's cues as sound: engine cue kinds to clips, phrases to speech, mute and volume.

Beeps and speech go through one backend and take turns this way: a beep plays at once, always,
because its timing is the point (a tempo click that waits is worse than none). A phrase waits
until the beep or phrase before it has finished, so words never start underneath a beep, and
a phrase that could not start within `STALE_AFTER_S` of being asked is dropped, since a late
"3" misleads more than a missing one. The waiting happens on the voice's background thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from coach.audio.backend import AudioBackend, Clip
from coach.audio.sounds import SoundSet, volume_step
from coach.audio.voice import Voice
from coach.session.clock import Clock, MonotonicClock

STALE_AFTER_S = 3.0


class CuePlayer:
    """Plays cues without blocking the caller and without ever raising into the session.

    `cue` returns False when the sound could not be played because there is no working audio
    device: the shell then flashes the screen and rings the terminal bell instead. A muted
    player returns True: silence is what the person asked for.
    """

    def __init__(
        self,
        backend: AudioBackend,
        sounds: SoundSet,
        volume: float = 1.0,
        muted: bool = False,
        voice: Voice | None = None,
        *,
        clock: Clock | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.backend = backend
        self.sounds = sounds
        self.voice = voice
        self._volume = volume_step(volume)
        self._muted = muted
        self._clock = clock or MonotonicClock()
        self._sleep = sleep
        self._lock = threading.Lock()
        self._quiet_at = float("-inf")  # when what is playing now will have finished
        self._shown: set[str] = set()
        self._errors: list[str] = []

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def problem(self) -> str | None:
        """Why cues are not heard, as one line for the screen; None while sound works."""
        reason = self.backend.problem if not self.backend.available else None
        if reason is None:
            return None
        return f"No sound: {reason}. Cues will flash and ring the terminal bell."

    def cue(self, kind: str, detail: str | None = None) -> bool:
        """Play the sound for an engine cue (`tempo` takes the phase as `detail`)."""
        try:
            if self._muted:
                return True
            if not self.backend.available:
                return False
            clip = self.sounds.clip(kind, detail, self._volume)
            if clip is not None:
                self.backend.play(clip)
                self._occupy(clip)
            return self.backend.available
        except Exception as exc:
            self._errors.append(f"the {kind} cue failed: {exc}")
            return False

    def say(self, phrase: str) -> bool:
        """Queue a phrase to be spoken after what is playing; True if it was queued."""
        try:
            if self._muted or self.voice is None or not self.backend.available:
                return False
            asked_at = self._clock.now()
            return self.voice.say(phrase, lambda clip: self._speak(clip, asked_at), self._volume)
        except Exception as exc:
            self._errors.append(f"speaking {phrase!r} failed: {exc}")
            return False

    def mute(self) -> None:
        self._muted = True
        try:
            self.backend.stop_all()
        except Exception as exc:
            self._errors.append(f"stopping the sound failed: {exc}")

    def unmute(self) -> None:
        self._muted = False

    def toggle_mute(self) -> bool:
        """Flip mute; returns whether the player is now muted."""
        if self._muted:
            self.unmute()
        else:
            self.mute()
        return self._muted

    def set_volume(self, volume: float) -> float:
        """Set the volume (0.0 to 1.0, in steps of 0.01) and return what was kept."""
        self._volume = volume_step(volume)
        return self._volume

    def take_notices(self) -> list[str]:
        """Problems not handed out before: the shell shows each of them once."""
        found = [self.problem] if self.problem else []
        found += self.sounds.problems
        if self.voice is not None and self.voice.problem:
            found.append(self.voice.problem)
        found += self._errors
        fresh = [n for n in dict.fromkeys(found) if n not in self._shown]
        self._shown.update(fresh)
        return fresh

    def _occupy(self, clip: Clip) -> None:
        with self._lock:
            self._quiet_at = max(self._quiet_at, self._clock.now() + clip.duration)

    def _speak(self, clip: Clip, asked_at: float) -> None:
        """On the voice's thread: wait for quiet, then play, unless the moment has passed."""
        while True:
            with self._lock:
                now = self._clock.now()
                start = max(self._quiet_at, now)
                if start - asked_at > STALE_AFTER_S:
                    return
                if start == now:
                    self._quiet_at = now + clip.duration
                    break
            self._sleep(start - now)
        if not self._muted and self.backend.available:
            self.backend.play(clip)
