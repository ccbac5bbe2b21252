"""Which WAV file each cue plays, read and scaled once per volume (a session plays at one).

A cue's sound name comes from the routine's `sounds:` (where `None` means silence), else it is
the cue's own name (`tempo` cues add their phase: `tempo-up`). The name is then looked up as
`NAME.wav` in the user's `<config>/sounds/`, then in the bundled `sounds/`, so a user replaces
a bundled sound by dropping a file of the same name in their folder. A file that is missing or
cannot be played becomes a problem message and a silent cue, never an error in the session.
"""

from __future__ import annotations

import re
import sys
import wave
from array import array
from collections.abc import Mapping
from pathlib import Path

from coach import locations
from coach.audio.backend import Clip
from coach.routine.model import SOUND_EVENTS, TEMPO_PHASES

#: Every sound a routine can leave at its default: one per event, one per tempo phase.
CUE_SOUND_NAMES: tuple[str, ...] = tuple(
    name
    for event in SOUND_EVENTS
    for name in ([f"tempo-{p}" for p in TEMPO_PHASES] if event == "tempo" else [event])
)

#: The rates simpleaudio accepts; anything else would fail only when played.
PLAYABLE_RATES = (8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 192000)

#: A sound name is a file name without `.wav`: no folders, nothing hidden.
_PLAIN_NAME = re.compile(r"\w[\w .-]*")


class UnplayableSound(ValueError):
    """A WAV file coach cannot play; the message completes "sound file PATH ..."."""


def user_sounds_dir() -> Path:
    return locations.config_dir() / "sounds"


def load_wav(path: Path, name: str | None = None) -> Clip:
    """Read a 16-bit PCM WAV file (mono or stereo) whole."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            frames = wav.getnframes()
            if width != 2:
                raise UnplayableSound(f"has {8 * width}-bit samples; coach plays 16-bit PCM WAV")
            if channels not in (1, 2):
                raise UnplayableSound(f"has {channels} channels; coach plays mono or stereo")
            if rate not in PLAYABLE_RATES:
                raise UnplayableSound(f"has a sample rate of {rate} Hz; use 44100 or 48000 Hz")
            pcm = wav.readframes(frames)
    except FileNotFoundError:
        raise UnplayableSound("is missing") from None
    except (wave.Error, EOFError) as exc:
        raise UnplayableSound(
            f"is not a WAV file coach can read ({str(exc) or 'too short'})"
        ) from None
    except OSError as exc:
        raise UnplayableSound(f"could not be read ({exc.strerror or exc})") from None
    got = len(pcm) // (channels * width)
    if got < frames:
        raise UnplayableSound(f"is cut short: it holds {got} of its {frames} frames")
    if frames == 0:
        raise UnplayableSound("holds no sound")
    return Clip(name or path.stem, pcm, rate, channels, width)


def scale_pcm(pcm: bytes, volume: float) -> bytes:
    """16-bit little-endian samples times `volume` (0.0 to 1.0), rounded to the nearest integer
    (halves to even).

    simpleaudio has no volume control, so the samples themselves are scaled. One sample at a
    time from a generator, not a list: a list of a voice clip's samples as Python ints would
    add megabytes to the session's peak memory for a moment.
    """
    if volume >= 1.0:
        return pcm
    if volume <= 0.0:
        return bytes(len(pcm))
    samples = array("h")
    samples.frombytes(pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    scaled = array("h", (round(s * volume) for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    return scaled.tobytes()


def scale_clip(clip: Clip, volume: float) -> Clip:
    if volume >= 1.0:
        return clip
    pcm = scale_pcm(clip.pcm, volume)
    return Clip(clip.name, pcm, clip.rate, clip.channels, clip.sample_width)


def volume_step(volume: float) -> float:
    """Volumes are kept in steps of 0.01, so a cache keyed by volume stays small."""
    return round(min(max(volume, 0.0), 1.0), 2)


class SoundSet:
    """The sounds of one session. Build one per session: user files are read when first used.

    Only the clips as scaled for the volume are kept, not the files' own samples as well (0.3
    to 0.5 MB of a session's peak memory): a session plays at one volume, and another volume
    reads the files again.
    """

    def __init__(
        self,
        overrides: Mapping[str, str | None] | None = None,
        *,
        user_dir: Path | None = None,
        bundled_dir: Path | None = None,
    ) -> None:
        self._overrides = dict(overrides or {})
        self._folders = (
            user_dir if user_dir is not None else user_sounds_dir(),
            bundled_dir if bundled_dir is not None else locations.bundled_dir("sounds"),
        )
        self._broken: set[str] = set()  # names that gave a problem: said once, not read again
        self._scaled: dict[tuple[str, float], Clip] = {}
        self.problems: list[str] = []

    def sound_name(self, kind: str, detail: str | None = None) -> str | None:
        """The sound a cue plays, or None for a cue that stays silent."""
        if kind in self._overrides:
            name = self._overrides[kind]
            return None if name is None or name == "none" else name
        if kind == "tempo":
            return f"tempo-{detail}" if detail else None
        return kind

    def path_for(self, name: str) -> Path | None:
        """The user's file of that name if there is one, else the bundled one, else None."""
        if not _PLAIN_NAME.fullmatch(name):
            return None
        for folder in self._folders:
            path = folder / f"{name}.wav"
            if path.is_file():
                return path
        return None

    def clip(self, kind: str, detail: str | None = None, volume: float = 1.0) -> Clip | None:
        """The clip for a cue at `volume`, or None if the cue is silent or its file is broken."""
        name = self.sound_name(kind, detail)
        if name is None:
            return None
        key = (name, volume_step(volume))
        if key not in self._scaled:
            clip = self._load(name, kind)
            if clip is None:
                return None
            self._scaled[key] = scale_clip(clip, key[1])
        return self._scaled[key]

    def forget(self) -> None:
        """Let go of the clips (a session that has ended); one asked for again is read again."""
        self._scaled.clear()

    def preload(self, volume: float = 1.0) -> None:
        """Load every sound this session can play, so problems show before the first cue."""
        for event in SOUND_EVENTS:
            details: tuple[str | None, ...] = TEMPO_PHASES if event == "tempo" else (None,)
            for detail in details:
                self.clip(event, detail, volume)

    def _load(self, name: str, kind: str) -> Clip | None:
        if name in self._broken:
            return None
        clip: Clip | None = None
        path = self.path_for(name)
        if not _PLAIN_NAME.fullmatch(name):
            self.problems.append(f"sound {name!r} for the {kind} cue is not a plain file name")
        elif path is None:
            user_dir = self._folders[0]
            self.problems.append(
                f"no sound {name!r} for the {kind} cue: put {name}.wav in {user_dir}"
            )
        else:
            try:
                clip = load_wav(path, name)
            except UnplayableSound as exc:
                self.problems.append(f"sound file {path} {exc}; the {kind} cue stays silent")
        if clip is None:
            self._broken.add(name)
        return clip
