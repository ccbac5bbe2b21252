"""Ways to play a PCM clip: through the sound card, into silence, or into a list for tests.

Every backend's `play` returns at once and never raises: a cue that cannot sound must not stop
a session. A backend that cannot play says so through `available` and a one-line `problem`,
and the cue player falls back to a flash and the terminal bell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from coach.audio.worker import SerialWorker


@dataclass(frozen=True)
class Clip:
    """Raw interleaved little-endian PCM and the format needed to play it."""

    name: str
    pcm: bytes = field(repr=False)
    rate: int
    channels: int = 1
    sample_width: int = 2

    @property
    def frames(self) -> int:
        return len(self.pcm) // (self.channels * self.sample_width)

    @property
    def duration(self) -> float:
        return self.frames / self.rate


class AudioBackend(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def available(self) -> bool: ...

    @property
    def problem(self) -> str | None: ...

    def play(self, clip: Clip) -> None:
        """Start playing `clip` and return at once."""

    def stop_all(self) -> None:
        """Cut off everything that is playing."""


class SilentBackend:
    """Plays nothing, successfully: for `--quiet` runs and for tests that do not listen."""

    name = "silent"
    available = True
    problem: str | None = None

    def play(self, clip: Clip) -> None:
        return None

    def stop_all(self) -> None:
        return None


class RecordingBackend:
    """Keeps what it was asked to play, so tests can check which cues sounded, and in what order."""

    name = "recording"

    def __init__(self, available: bool = True, problem: str | None = None) -> None:
        self.available = available
        self.problem = problem if problem is not None or available else "recording backend is off"
        self.plays: list[tuple[str, bytes]] = []
        self.stops = 0

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.plays]

    def play(self, clip: Clip) -> None:
        if self.available:
            self.plays.append((clip.name, clip.pcm))

    def stop_all(self) -> None:
        self.stops += 1


#: Ten milliseconds of silence, played once at the start to find out whether there is a device.
PROBE = Clip("probe", bytes(2 * 441), 44100)

#: A device call that has not returned after this long is taken as a device that never will.
DEVICE_TIMEOUT_S = 3.0
#: Plays that may fail in a row, after one has worked, before the device is given up on. One
#: failure alone can be a device that cannot mix refusing a second stream: that cue is skipped.
FAILURES_BEFORE_GIVING_UP = 3


class SimpleaudioBackend:
    """The sound card, through simpleaudio and ALSA's default device.

    simpleaudio opens the device on every play, in the calling thread, so every call here runs
    on one background thread. On start it plays a few milliseconds of silence to find out early
    whether there is a device at all, so the first real cue already knows whether to fall back.
    (ALSA reports a missing device only when one is opened.)
    """

    name = "simpleaudio"

    def __init__(
        self,
        *,
        probe: bool = True,
        module: Any = None,
        device_timeout: float = DEVICE_TIMEOUT_S,
    ) -> None:
        """`module` stands in for simpleaudio in tests; by default it is imported on first use."""
        self._worker = SerialWorker("coach-audio", on_error=self._give_up)
        self._module: Any = module
        self._device_timeout = device_timeout
        self._problem: str | None = None
        self._played = False
        self._failures = 0
        self._playing: list[Any] = []
        if probe:
            self._worker.submit(self._probe)

    @property
    def problem(self) -> str | None:
        if self._problem is None and self._worker.busy_for() > self._device_timeout:
            self._problem = f"the audio device did not answer within {self._device_timeout:g} s"
        return self._problem

    @property
    def available(self) -> bool:
        return self.problem is None

    def play(self, clip: Clip) -> None:
        if self.available:
            self._worker.submit(lambda: self._play_now(clip))

    def stop_all(self) -> None:
        module = self._module
        if module is not None:
            try:
                module.stop_all()
            except Exception as exc:
                self._give_up(exc)

    def drain(self, timeout: float | None = None) -> bool:
        """Block until every queued clip has been played to its end (for the plain runner's last
        cue, and for tests); False if the queue did not empty within `timeout`."""
        if not self._worker.wait_idle(timeout):
            return False
        for play in list(self._playing):
            play.wait_done()
        return True

    def close(self) -> None:
        self._worker.close()

    def _load(self) -> Any:
        if self._module is None:
            import simpleaudio

            self._module = simpleaudio
        return self._module

    def _probe(self) -> None:
        # Played to its end before anything else opens the device: a device that cannot mix
        # would otherwise refuse the first real cue.
        play = self._play_now(PROBE)
        if play is not None:
            play.wait_done()

    def _play_now(self, clip: Clip) -> Any:
        # Here, not at the top: ALSA's helpers need ctypes.util (about 6 ms), and a silent
        # backend (`COACH_AUDIO=silent`) never plays through the device at all.
        from coach.audio.alsa import quiet_device_opening

        if self._problem is not None:
            return None
        try:
            module = self._load()
        except Exception as exc:
            self._problem = f"simpleaudio could not be loaded ({_reason(exc)})"
            return None
        try:
            with quiet_device_opening():
                play = module.play_buffer(clip.pcm, clip.channels, clip.sample_width, clip.rate)
        except Exception as exc:
            self._failures += 1
            if not self._played or self._failures >= FAILURES_BEFORE_GIVING_UP:
                self._give_up(exc)
            return None
        self._played = True
        self._failures = 0
        self._playing = [p for p in self._playing if p.is_playing()] + [play]
        return play

    def _give_up(self, exc: Exception) -> None:
        if self._problem is None:
            self._problem = f"no audio device ({_reason(exc)})"


def _reason(exc: Exception) -> str:
    """One line from an exception; simpleaudio's look like
    'Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory'."""
    text = " ".join(str(exc).split())
    found = re.fullmatch(r"(.*?)\.? -- CODE: -?\d+ -- MSG: (.*)", text)
    if found:
        return f"{found.group(1)}: {found.group(2)}"
    return text or type(exc).__name__
