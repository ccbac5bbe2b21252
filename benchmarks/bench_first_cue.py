"""First cue on the beat: when each cue of a session really sounds, measured from outside.

The real `coach run` plays a short routine in a pseudo-terminal, its sound going through ALSA's
`file` plugin (a private HOME whose `.asoundrc` makes the default device write every sample to a
file, with the `null` device behind it). The file is a named pipe read as the samples arrive, so
each cue is timed when its first samples come out of the player.

The engine says when each cue is due (offsets from the session's start); the session's start
is taken as the median of (sounded - due) over every cue after the first, the grid the others
keep. The first cue's lateness is then compared with theirs. Spoken cues are off (--no-voice),
so every cue is one clip.
"""

from __future__ import annotations

import os
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

from terminal import Terminal, sound_env

from coach.audio.sounds import SoundSet
from coach.routine.catalog import Catalog
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.session.engine import Cue, SessionEngine

RUNS = 5
ROUTINE = """\
name: Cue timing
prepare: 2s
steps:
  - {name: Hold, duration: 5s}
"""
ASOUNDRC = """\
pcm.!default {{
  type file
  slave.pcm "null"
  file "{capture}"
  format "raw"
}}
"""
#: Cues are at least a second apart and each clip is written whole: a quiet spell this long
#: means the next sound is another cue.
GAP_S = 0.3


def due_offsets(path: Path) -> list[float]:
    """When each sounding cue is due, in seconds from the session's start."""
    entry = Catalog.default().load(path)
    assert entry.routine is not None
    clock = FakeClock(start=0.0)
    engine = SessionEngine(expand(entry.routine), clock)
    sounds = SoundSet(entry.routine.sounds)
    events = engine.start()
    while not engine.finished:
        deadline = engine.next_deadline()
        assert deadline is not None
        clock.set(deadline)
        events += engine.poll()
    due = [e.at for e in events if isinstance(e, Cue) and sounds.sound_name(e.kind, e.detail)]
    return sorted(set(due))  # cues due at the same moment sound as one stream


def sounded(capture: Path, argv: list[str], env: dict[str, str], seconds: float) -> list[float]:
    """Seconds from launch at which each cue's samples reached the capture, which is a named
    pipe: the samples arrive as the player writes them. A cue is the first sound after a
    quiet spell of `GAP_S`; the device probe's silence is no cue."""
    capture.unlink(missing_ok=True)
    os.mkfifo(capture)
    pipe = os.open(capture, os.O_RDWR | os.O_NONBLOCK)  # read-write: no end at each stream
    terminal = Terminal(argv, env, columns=100, rows=30)
    onsets: list[float] = []
    last = -1.0
    try:
        deadline = terminal.started + seconds
        while time.perf_counter() < deadline:
            terminal.read(0)
            ready, _, _ = select.select([pipe], [], [], 0.001)
            if not ready:
                continue
            chunk = os.read(pipe, 1 << 20)
            now = time.perf_counter() - terminal.started
            if chunk.strip(b"\0") and now - last > GAP_S:
                onsets.append(now)
            if chunk.strip(b"\0"):
                last = now
    finally:
        terminal.close()
        os.close(pipe)
    return onsets


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        capture = folder / "capture.raw"
        env = sound_env(folder, ASOUNDRC.format(capture=capture))
        routine = folder / "timing.yaml"
        routine.write_text(ROUTINE)
        due = due_offsets(routine)
        argv = [sys.executable, "-m", "coach", "run", str(routine), "--no-voice"]
        first: list[float] = []
        others: list[float] = []
        for _ in range(RUNS):
            onsets = sounded(capture, argv, env, due[-1] + 2.0)
            if len(onsets) != len(due):
                print(f"(a run heard {len(onsets)} cues for {len(due)} due; left out)")
                continue
            start = statistics.median(t - d for t, d in zip(onsets[1:], due[1:], strict=True))
            late = [(t - (start + d)) * 1000 for t, d in zip(onsets, due, strict=True)]
            first.append(late[0])
            others += late[1:]
    print(f"| cue, {len(first)} sessions | lateness against the others' grid |")
    print("|---|---:|")
    print(f"| first cue (median) | {statistics.median(first):.1f} ms |")
    print(f"| first cue (worst) | {max(first, key=abs):.1f} ms |")
    print(f"| every later cue (median) | {statistics.median(others):.1f} ms |")
    print(f"| every later cue (worst) | {max(others, key=abs):.1f} ms |")


if __name__ == "__main__":
    main()
