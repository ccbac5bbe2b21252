"""Spoken cues: each phrase is rendered once by espeak-ng and kept as a WAV in the cache.

Rendering a phrase takes a subprocess, so `say` and `render_ahead` do it on the voice's own
background thread (one `SerialWorker`), never on the UI loop; `render` and `clip` block and are
meant for that thread, for the plain runner and for tests. The finished clip plays through the
same backend as the beeps: `coach.audio.cues` says how the two take turns.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from coach import locations
from coach.audio.backend import Clip
from coach.audio.sounds import UnplayableSound, load_wav, scale_clip, volume_step
from coach.audio.worker import SerialWorker
from coach.digest import sha256_hex

HINT = "install espeak-ng for spoken cues"
WORDS_PER_MINUTE = 150
RENDER_TIMEOUT_S = 20.0


def normalise(phrase: str) -> str:
    """One phrase, one cache file: runs of whitespace do not make a new one."""
    return " ".join(phrase.split())


class Voice:
    """espeak-ng behind a cache: `<cache>/voice/<hash>.wav`, reused across sessions."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        executable: str = "espeak-ng",
        words_per_minute: int = WORDS_PER_MINUTE,
        voice_name: str | None = None,
        background: bool = True,
    ) -> None:
        self._executable = shutil.which(executable)
        self.problem: str | None = None if self._executable else HINT
        self._cache_dir = cache_dir
        self._wpm = words_per_minute
        self._voice_name = voice_name
        self._lock = threading.Lock()
        self._worker = SerialWorker("coach-voice", on_error=self._give_up) if background else None
        self.renders = 0  # espeak-ng runs so far: the cache is working when this stays put

    @property
    def available(self) -> bool:
        return self.problem is None

    def folder(self) -> Path:
        return self._cache_dir if self._cache_dir is not None else locations.cache_dir() / "voice"

    def cache_path(self, phrase: str) -> Path:
        key = f"{self._wpm}\0{self._voice_name or ''}\0{normalise(phrase)}"
        return self.folder() / f"{sha256_hex(key.encode())[:24]}.wav"

    def render(self, phrase: str) -> Path | None:
        """The phrase's WAV file, from the cache or made now; None if it cannot be had."""
        text = normalise(phrase)
        if not text or self._executable is None or self.problem is not None:
            return None
        path = self.cache_path(text)
        with self._lock:
            if path.is_file():
                return path
            return self._run_espeak(self._executable, text, path)

    def clip(self, phrase: str, volume: float = 1.0) -> Clip | None:
        """The phrase as a clip at `volume`, read from its file each time it is said.

        Not kept in memory: a phrase is said on the voice's thread, where reading and scaling
        a second of speech takes a few milliseconds, while the 16 clips kept before (40 to 90
        KB each) held about 0.3 MB of a session's peak memory (benchmarks/bench_memory.py).
        """
        text = normalise(phrase)
        level = volume_step(volume)
        for _attempt in range(2):
            path = self.render(text)
            if path is None:
                return None
            try:
                clip = scale_clip(load_wav(path, f"say:{text}"), level)
            except UnplayableSound:
                # A damaged cache file: render it again, once.
                path.unlink(missing_ok=True)
                continue
            return clip
        self.problem = "espeak-ng wrote a WAV file coach cannot read; spoken cues are off"
        return None

    def say(self, phrase: str, deliver: Callable[[Clip], None], volume: float = 1.0) -> bool:
        """Render `phrase` off the calling thread, then call `deliver(clip)` on that thread.

        False when there is no voice to speak with.
        """
        if not self.available or not normalise(phrase):
            return False
        self._submit(lambda: self._deliver(phrase, deliver, volume))
        return True

    def render_ahead(self, phrases: Iterable[str]) -> None:
        """Render a session's phrases in the background before they are needed."""
        if self.available:
            for phrase in phrases:
                self._submit(functools.partial(self._render_quietly, phrase))

    def drain(self, timeout: float | None = None) -> bool:
        """Block until every queued phrase has been rendered and delivered."""
        return True if self._worker is None else self._worker.wait_idle(timeout)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()

    def _submit(self, job: Callable[[], None]) -> None:
        if self._worker is None:
            try:
                job()
            except Exception as exc:
                self._give_up(exc)
        else:
            self._worker.submit(job)

    def _deliver(self, phrase: str, deliver: Callable[[Clip], None], volume: float) -> None:
        clip = self.clip(phrase, volume)
        if clip is not None:
            deliver(clip)

    def _render_quietly(self, phrase: str) -> None:
        self.render(phrase)

    def _run_espeak(self, executable: str, text: str, path: Path) -> Path | None:
        partial = path.with_name(f".{path.stem}.{os.getpid()}.partial.wav")
        args = [executable, "-b", "1", "-s", str(self._wpm), "-w", str(partial), "--stdin"]
        if self._voice_name:
            args += ["-v", self._voice_name]
        self.renders += 1
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            done = subprocess.run(
                args,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=RENDER_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self._give_up(exc)
            return None
        # espeak-ng exits 0 even when it could not write the file: look at the file itself.
        if done.returncode != 0 or not partial.is_file() or partial.stat().st_size <= 44:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = said[0] if said else f"exit status {done.returncode}"
            self.problem = f"espeak-ng could not render speech ({reason}); spoken cues are off"
            with contextlib.suppress(OSError):
                partial.unlink()
            return None
        os.replace(partial, path)
        return path

    def _give_up(self, exc: Exception) -> None:
        if self.problem is None:
            self.problem = f"spoken cues are off ({exc})"
