"""Spoken cues: espeak-ng renders each phrase once into the cache, and the cache is reused.

Most tests put a fake `espeak-ng` first on PATH: it writes a small WAV whose samples depend on
the phrase and logs every run, so the tests are exact and quick.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import threading
import wave
from pathlib import Path

import pytest

from coach.audio.backend import Clip
from coach.audio.voice import HINT, Voice

FAKE_ESPEAK = f"""#!{sys.executable}
import os, sys, wave
args = sys.argv[1:]
text = sys.stdin.buffer.read().decode("utf-8")
with open(os.environ["FAKE_ESPEAK_LOG"], "a", encoding="utf-8") as log:
    log.write(" ".join(args) + "|" + text + "\\n")
if text == "mumble":
    print("fake espeak: cannot say that", file=sys.stderr)
    sys.exit(0)  # like the real one: exit 0 and no file
with wave.open(args[args.index("-w") + 1], "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(22050)
    out.writeframes(bytes([len(text), 16]) * 50)
"""


@pytest.fixture
def espeak_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake espeak-ng first on PATH; returns the file that logs its runs."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    script = bin_dir / "espeak-ng"
    script.write_text(FAKE_ESPEAK)
    script.chmod(0o755)
    log = tmp_path / "espeak.log"
    log.touch()
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_ESPEAK_LOG", str(log))
    return log


def runs(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines()


def fake_samples(text: str) -> bytes:
    return bytes([len(text), 16]) * 50


def test_a_phrase_is_rendered_once_and_then_read_from_the_cache(
    espeak_log: Path, tmp_path: Path
) -> None:
    voice = Voice(background=False)
    first = voice.render("switch sides")
    second = voice.render("switch sides")
    assert first is not None and first == second
    assert first.parent == tmp_path / "cache" / "voice"
    partial = first.with_name(f".{first.stem}.{os.getpid()}.partial.wav")
    assert runs(espeak_log) == [f"-b 1 -s 150 -w {partial} --stdin|switch sides"]
    assert voice.renders == 1
    # A new session (a new Voice) finds the file and runs nothing.
    again = Voice(background=False)
    assert again.render("switch sides") == first
    assert again.renders == 0 and len(runs(espeak_log)) == 1


def test_espeak_gets_the_rate_the_file_and_the_phrase_on_stdin(espeak_log: Path) -> None:
    voice = Voice(background=False, words_per_minute=170, voice_name="en-gb")
    path = voice.render("Toe raises, 10 reps, both feet")
    assert path is not None
    args, text = runs(espeak_log)[0].split("|")
    assert text == "Toe raises, 10 reps, both feet"
    assert args.split()[:4] == ["-b", "1", "-s", "170"]
    assert args.split()[-3:] == ["--stdin", "-v", "en-gb"]
    assert not list(path.parent.glob(".*partial*")), "the partial file is renamed into place"


def test_spacing_does_not_make_a_new_phrase_but_words_do(espeak_log: Path) -> None:
    voice = Voice(background=False)
    assert voice.render("  rest ") == voice.render("rest")
    assert voice.render("rest now") != voice.render("rest")
    assert voice.cache_path("rest") != Voice(words_per_minute=120).cache_path("rest")
    assert len(runs(espeak_log)) == 2


def test_clip_is_the_rendered_wav_at_the_volume_asked(espeak_log: Path) -> None:
    voice = Voice(background=False)
    clip = voice.clip("halfway")
    assert clip is not None
    assert (clip.name, clip.rate, clip.channels, clip.pcm) == (
        "say:halfway",
        22050,
        1,
        fake_samples("halfway"),
    )
    quiet = voice.clip("halfway", volume=0.5)
    assert quiet is not None
    sample = struct.unpack("<h", fake_samples("halfway")[:2])[0]
    assert struct.unpack("<h", quiet.pcm[:2])[0] == round(sample * 0.5)
    # Issue #10 (a session's peak memory): said again, the clip is read again from its file,
    # not kept in memory; espeak-ng is not run again.
    again = voice.clip("halfway", volume=0.5)
    assert again == quiet and again is not quiet
    assert voice.renders == 1


def test_say_delivers_the_clip_from_the_background_thread(espeak_log: Path) -> None:
    voice = Voice()
    delivered: list[tuple[str, str]] = []

    def deliver(clip: Clip) -> None:
        delivered.append((clip.name, threading.current_thread().name))

    assert voice.say("session complete", deliver)
    assert voice.drain(timeout=10)
    assert delivered == [("say:session complete", "coach-voice")]
    voice.close()


def test_render_ahead_fills_the_cache_before_the_phrases_are_needed(espeak_log: Path) -> None:
    voice = Voice(background=False)
    voice.render_ahead(["3", "2", "1"])
    assert all(voice.cache_path(n).is_file() for n in ("3", "2", "1"))
    delivered: list[Clip] = []
    assert voice.say("2", delivered.append)
    assert len(runs(espeak_log)) == 3 and [c.name for c in delivered] == ["say:2"]


def test_without_espeak_there_is_no_voice_and_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    voice = Voice(background=False)
    assert not voice.available
    assert voice.problem == HINT == "install espeak-ng for spoken cues"
    assert voice.render("rest") is None
    assert not voice.say("rest", lambda clip: None)


def test_espeak_writing_nothing_turns_the_voice_off_with_its_reason(espeak_log: Path) -> None:
    voice = Voice(background=False)
    assert voice.render("mumble") is None
    assert voice.problem == (
        "espeak-ng could not render speech (fake espeak: cannot say that); spoken cues are off"
    )
    assert not voice.available
    assert not list(voice.folder().iterdir()), "no partial file is left behind"
    assert voice.render("rest") is None, "a voice that failed stays off"


def test_a_damaged_cache_file_is_rendered_again(espeak_log: Path) -> None:
    voice = Voice(background=False)
    path = voice.render("rest")
    assert path is not None
    path.write_bytes(b"RIFF\x00\x00")
    clip = Voice(background=False).clip("rest")
    assert clip is not None and clip.pcm == fake_samples("rest")
    assert len(runs(espeak_log)) == 2


def test_an_unwritable_cache_turns_the_voice_off(espeak_log: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    voice = Voice(cache_dir=blocker / "voice", background=False)
    assert voice.render("rest") is None
    assert voice.problem is not None and voice.problem.startswith("spoken cues are off (")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_the_real_espeak_renders_a_phrase_once(tmp_path: Path) -> None:
    cache = tmp_path / "real-voice"
    voice = Voice(cache_dir=cache, background=False)
    clip = voice.clip("switch sides")
    assert clip is not None, voice.problem
    assert (clip.rate, clip.channels, clip.sample_width) == (22050, 1, 2)
    assert 0.3 < clip.duration < 3.0
    assert max(abs(s) for s in struct.unpack(f"<{clip.frames}h", clip.pcm)) > 1000
    path = voice.cache_path("switch sides")
    with wave.open(str(path), "rb") as wav:
        assert wav.getnframes() == clip.frames
    later = Voice(cache_dir=cache, background=False)
    assert later.clip("switch sides") == clip
    assert later.renders == 0
