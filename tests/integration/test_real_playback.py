"""Real playback through simpleaudio and ALSA, into a file instead of a speaker.

A child process gets a HOME whose `.asoundrc` makes ALSA's default device the `file` plugin
over the `null` device: every sample played is written, as raw interleaved PCM, to a file. The
plugin converts nothing (the null device takes any format and rate), so the capture is the
clip's exact bytes. It also truncates the file each time a device is opened, and simpleaudio
opens one per clip, so the child copies the capture after each clip has finished.
"""

from __future__ import annotations

import json
import subprocess
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from coach.audio.sounds import CUE_SOUND_NAMES, scale_pcm
from coach.locations import bundled_dir

RunPython = Callable[..., subprocess.CompletedProcess[str]]

ASOUNDRC = """pcm.!default {{ type file; slave.pcm "null"; file "{capture}"; format "raw" }}
"""

PLAYER = """
import json, shutil, struct, sys
from pathlib import Path
from coach.audio.backend import Clip, SimpleaudioBackend
from coach.audio.cues import CuePlayer
from coach.audio.sounds import CUE_SOUND_NAMES, SoundSet

out = Path(sys.argv[1])
backend = SimpleaudioBackend()
sounds = SoundSet()

def keep(name):
    backend.drain(timeout=60)
    shutil.copyfile(out / "capture.raw", out / f"{name}.raw")

answers = {}
full = CuePlayer(backend, sounds)
for name in CUE_SOUND_NAMES:
    kind, _, detail = name.partition("-")
    answers[name] = full.cue(kind, detail or None)
    keep(name)
answers["finish-quiet"] = CuePlayer(backend, sounds, volume=0.4).cue("finish")
keep("finish-quiet")
# Other formats a user's WAV or espeak-ng may have: they too arrive unconverted.
ramp = b"".join(struct.pack("<h", (i * 37) % 20000 - 10000) for i in range(4410))
for name, rate, channels in [("mono-22050", 22050, 1), ("stereo-48000", 48000, 2)]:
    backend.play(Clip(name, ramp, rate, channels))
    keep(name)
print(json.dumps({"answers": answers, "available": backend.available}))
"""


def bundled_pcm(name: str) -> bytes:
    with wave.open(str(bundled_dir("sounds") / f"{name}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


def ramp() -> bytes:
    return b"".join(
        ((i * 37) % 20000 - 10000).to_bytes(2, "little", signed=True) for i in range(4410)
    )


@pytest.fixture(scope="module")
def played(
    run_python: RunPython, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, object], str]:
    """Plays every bundled cue (and a few other formats) once, in one child process."""
    out = tmp_path_factory.mktemp("playback")
    home = out / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(ASOUNDRC.format(capture=out / "capture.raw"))
    done = run_python(PLAYER, str(out), home=home)
    assert done.returncode == 0, done.stderr
    return out, json.loads(done.stdout), done.stderr


def assert_captured(captured: bytes, pcm: bytes, frame_bytes: int) -> None:
    """`pcm` sample for sample, at a frame boundary, with nothing but silence around it."""
    at = captured.find(pcm)
    assert at >= 0, f"the clip's samples are not in the capture ({len(captured)} bytes)"
    assert at % frame_bytes == 0
    padding = captured[:at] + captured[at + len(pcm) :]
    assert padding == bytes(len(padding))


@pytest.mark.parametrize("name", CUE_SOUND_NAMES)
def test_each_cue_reaches_the_device_sample_for_sample(
    played: tuple[Path, dict[str, object], str], name: str
) -> None:
    out, result, _ = played
    assert result["available"] is True
    assert result["answers"][name] is True  # type: ignore[index]
    assert_captured((out / f"{name}.raw").read_bytes(), bundled_pcm(name), 2)


def test_the_volume_is_applied_before_the_device(
    played: tuple[Path, dict[str, object], str],
) -> None:
    out, _, _ = played
    captured = (out / "finish-quiet.raw").read_bytes()
    assert_captured(captured, scale_pcm(bundled_pcm("finish"), 0.4), 2)


@pytest.mark.parametrize(("name", "frame_bytes"), [("mono-22050", 2), ("stereo-48000", 4)])
def test_other_rates_and_channel_counts_arrive_unconverted(
    played: tuple[Path, dict[str, object], str], name: str, frame_bytes: int
) -> None:
    out, _, _ = played
    assert_captured((out / f"{name}.raw").read_bytes(), ramp(), frame_bytes)


def test_playing_prints_nothing(played: tuple[Path, dict[str, object], str]) -> None:
    _, _, stderr = played
    assert stderr == ""
