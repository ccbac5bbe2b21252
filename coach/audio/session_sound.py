"""A session's sound: the cue player, built off the UI loop, and what to do without it.

Loading the WAV files and probing the device take real time, so `build` runs in a thread
worker. Cues that fall before it is ready wait in a short queue and play when it is, unless
they have gone stale: a "3" heard two seconds late misleads more than silence.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from coach import voice_lines
from coach.audio.backend import AudioBackend
from coach.audio.choices import SoundChoices
from coach.audio.cues import CuePlayer
from coach.audio.sounds import SoundSet
from coach.audio.voice import Voice
from coach.routine.model import Routine
from coach.routine.timeline import Timeline
from coach.session.engine import Cue

#: A cue still waiting for the player after this many seconds is dropped.
PENDING_STALE_S = 1.0
#: The longest `build` waits for the device to answer its probe.
DEVICE_READY_S = 0.5


class SessionSound:
    """Plays each engine cue as a beep (and, with a voice, words); reports when it cannot."""

    def __init__(
        self,
        backend: Callable[[], AudioBackend],
        routine: Routine,
        timeline: Timeline,
        choices: SoundChoices,
        fallback: str = "Cues will flash and ring the terminal bell.",
    ) -> None:
        """`fallback` tells the person how cues reach them when nothing can be heard."""
        self._fallback = fallback
        self._backend = backend
        self._routine = routine
        self._timeline = timeline
        self._choices = choices
        self._muted = choices.muted
        self._player: CuePlayer | None = None
        self._pending: list[tuple[float, Cue]] = []
        self._lock = threading.Lock()
        self._failure: str | None = None
        self._failure_shown = False

    @property
    def ready(self) -> bool:
        return self._player is not None

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def unavailable(self) -> bool:
        """True once it is known that nothing can be heard."""
        if self._failure is not None:
            return True
        player = self._player
        return player is not None and not player.backend.available

    def give_up(self, reason: str) -> None:
        """Building the player failed: every cue from now on is seen, not heard."""
        self._failure = reason
        with self._lock:
            self._pending = []

    def build(self) -> None:
        """Open the device and load the sounds; blocking, so run it in a thread."""
        backend = self._backend()
        # The device is open and its probe played before the first cue is asked for, so that
        # cue sounds on its beat: the session's clock waits for this build.
        drain = getattr(backend, "drain", None)
        if callable(drain):
            drain(DEVICE_READY_S)
        sounds = SoundSet(self._routine.sounds)
        sounds.preload(self._choices.volume)
        # By now the device has usually answered its probe: speech for no speaker is waste.
        voice = Voice() if self._choices.voice and backend.available else None
        if voice is not None:
            voice.render_ahead(voice_lines.phrases(self._timeline))
        player = CuePlayer(backend, sounds, self._choices.volume, muted=self._muted, voice=voice)
        with self._lock:
            self._player = player

    def flush(self) -> list[bool]:
        """Once built: play the cues that waited and are still fresh; their outcomes in order."""
        with self._lock:
            waiting, self._pending = self._pending, []
        cutoff = time.monotonic() - PENDING_STALE_S
        return [self.play(cue) for asked, cue in waiting if asked >= cutoff]

    def play(self, cue: Cue) -> bool:
        """Sound one cue. False means nothing could be heard: the screen should flash instead."""
        if self._failure is not None:
            return False
        player = self._player
        if player is None:
            with self._lock:
                self._pending.append((time.monotonic(), cue))
            return True
        self._sync_mute(player)
        heard = player.cue(cue.kind, cue.detail)
        if self._choices.voice and heard and not player.muted:
            phrase = voice_lines.line_for(cue, self._timeline)
            if phrase:
                player.say(phrase)
        return heard

    def toggle_mute(self) -> bool:
        """Flip mute; returns whether sound is now off."""
        self._muted = not self._muted
        if self._player is not None:
            self._sync_mute(self._player)
        return self._muted

    def _sync_mute(self, player: CuePlayer) -> None:
        # The player may have been built while the person pressed m: theirs is the last word.
        if player.muted != self._muted:
            player.toggle_mute()

    def notices(self) -> list[str]:
        """Problems not shown yet (no device, a broken sound file): each is shown once."""
        if self._failure is not None:
            if self._failure_shown:
                return []
            self._failure_shown = True
            return [f"No sound: {self._failure}. {self._fallback}"]
        player = self._player
        return player.take_notices() if player is not None else []

    def forget_sounds(self) -> None:
        """The session is over: its cue sounds leave memory before the next screen is built
        (0.2 to 0.3 MB of the peak, bench_memory.py). A cue handed to the device plays on."""
        player = self._player
        if player is not None:
            player.sounds.forget()

    def finish(self, timeout: float = 3.0) -> None:
        """Let the last cue and words play out, then release the device and the voice.

        For a process that ends with the session (`coach run --plain`): without it the
        "finish" sound would be cut off at exit.
        """
        player = self._player
        if player is None:
            return
        if player.voice is not None:
            player.voice.drain(timeout)
            player.voice.close()
        drain = getattr(player.backend, "drain", None)
        if callable(drain):
            drain(timeout)
        close = getattr(player.backend, "close", None)
        if callable(close):
            close()
