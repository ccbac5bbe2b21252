"""Synthesise coach's cue sounds into `sounds/*.wav`.

Standard library only, and pure arithmetic, so every run writes the same bytes: a change to a
sound shows up as a change to its WAV and nothing else. Run it with `make sounds`.

Each cue is a sum of short decaying tones with a few harmonics, normalised to a peak of about
-6 dBFS, with a short fade at each end so no clip starts or stops with a click.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import wave
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

RATE = 44100
PEAK = 10 ** (-6 / 20)  # -6 dBFS
FADE_IN_S = 0.004
FADE_OUT_S = 0.012

#: Harmonic mixes: (multiple of the fundamental, relative level).
PURE = ((1.0, 1.0),)
SOFT = ((1.0, 1.0), (2.0, 0.12))
BRIGHT = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.18), (4.0, 0.08))
BELL = ((1.0, 1.0), (2.0, 0.4), (2.76, 0.22), (5.4, 0.08))
WOOD = ((1.0, 1.0), (2.7, 0.3))

# Note frequencies (equal temperament, A4 = 440 Hz).
A4, C5, D5, E5, G5, A5 = 440.0, 523.25, 587.33, 659.26, 783.99, 880.0
C6, D6, E6 = 1046.5, 1174.66, 1318.51


class Track:
    """A mono float buffer that tones are mixed into at given offsets."""

    def __init__(self, seconds: float) -> None:
        self.samples = [0.0] * round(seconds * RATE)

    def tone(
        self,
        at: float,
        freq: float,
        seconds: float,
        *,
        partials: Sequence[tuple[float, float]] = SOFT,
        level: float = 1.0,
        attack: float = 0.004,
        decay: float = 8.0,
    ) -> Track:
        """Add a tone: a linear attack, an exponential decay of `decay` per second, and a
        raised-cosine release over its last stretch so it ends in silence, not a cut."""
        start = round(at * RATE)
        count = min(round(seconds * RATE), len(self.samples) - start)
        attack_n = max(1, round(attack * RATE))
        release_n = max(1, round(min(0.05, seconds * 0.4) * RATE))
        for i in range(count):
            t = i / RATE
            envelope = min(1.0, i / attack_n) * math.exp(-decay * t)
            left = count - i
            if left < release_n:
                envelope *= 0.5 - 0.5 * math.cos(math.pi * left / release_n)
            value = sum(lv * math.sin(2 * math.pi * freq * m * t) for m, lv in partials)
            self.samples[start + i] += level * envelope * value
        return self

    def finished(self) -> list[float]:
        """With short fades at both ends (a guard against clicks), normalised to PEAK."""
        out = list(self.samples)
        fade_in = round(FADE_IN_S * RATE)
        fade_out = round(FADE_OUT_S * RATE)
        for i in range(fade_in):
            out[i] *= i / fade_in
        for i in range(fade_out):
            out[-1 - i] *= i / fade_out
        peak = max(abs(s) for s in out) or 1.0
        return [s * PEAK / peak for s in out]


def prepare() -> list[float]:
    # A soft, round tick: low and pure, so it reads as "get ready" rather than "go".
    return Track(0.14).tone(0.0, A5, 0.14, partials=SOFT, decay=30.0).finished()


def start() -> list[float]:
    track = Track(0.42)
    track.tone(0.0, A5, 0.16, partials=BRIGHT, decay=6.0)
    track.tone(0.13, E6, 0.29, partials=BRIGHT, decay=7.0)
    return track.finished()


def countdown() -> list[float]:
    # Higher, shorter and woodier than `prepare`.
    return Track(0.08).tone(0.0, E6, 0.08, partials=WOOD, attack=0.001, decay=55.0).finished()


def halfway() -> list[float]:
    track = Track(0.75)
    track.tone(0.0, C6, 0.45, partials=BELL, level=0.8, decay=7.0)
    track.tone(0.22, C6, 0.53, partials=BELL, level=0.8, decay=6.0)
    return track.finished()


def tempo(freq: float) -> Callable[[], list[float]]:
    def make() -> list[float]:
        return Track(0.11).tone(0.0, freq, 0.11, partials=SOFT, decay=14.0).finished()

    return make


def switch() -> list[float]:
    track = Track(0.34)
    track.tone(0.0, G5, 0.16, partials=SOFT, decay=9.0)
    track.tone(0.16, C5, 0.18, partials=SOFT, decay=9.0)
    return track.finished()


def rest() -> list[float]:
    track = Track(0.62)
    for i, freq in enumerate((E5, C5, A4)):
        track.tone(i * 0.17, freq, 0.62 - i * 0.17, partials=PURE, attack=0.012, decay=6.0)
    return track.finished()


def finish() -> list[float]:
    track = Track(0.85)
    for i, freq in enumerate((C5, E5, G5)):
        track.tone(i * 0.1, freq, 0.85 - i * 0.1, partials=SOFT, level=0.7, decay=7.0)
    track.tone(0.3, C6, 0.55, partials=BELL, level=0.8, decay=5.0)
    return track.finished()


#: Every bundled sound, by file name without `.wav`.
SOUNDS: dict[str, Callable[[], list[float]]] = {
    "prepare": prepare,
    "start": start,
    "countdown": countdown,
    "halfway": halfway,
    "tempo-up": tempo(D6),
    "tempo-hold": tempo(A5),
    "tempo-down": tempo(D5),
    "tempo-pause": tempo(A4),
    "switch": switch,
    "rest": rest,
    "finish": finish,
}


def wav_bytes(samples: Sequence[float]) -> bytes:
    """16-bit mono PCM WAV. `wave` writes no timestamps, so equal samples give equal bytes."""
    pcm = array("h", (round(s * 32767) for s in samples))
    if sys.byteorder == "big":
        pcm.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def render(name: str) -> bytes:
    return wav_bytes(SOUNDS[name]())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "sounds",
        help="folder to write the WAV files into (default: the repository's sounds/)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in SOUNDS:
        data = render(name)
        (args.out / f"{name}.wav").write_bytes(data)
        ms = (len(data) - 44) / 2 / RATE * 1000
        print(f"{name:12} {ms:4.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
