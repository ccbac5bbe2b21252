"""Finding, loading and scaling the WAV file behind each cue."""

from __future__ import annotations

import re
import struct
import wave
from pathlib import Path

import pytest

from coach.audio.sounds import (
    CUE_SOUND_NAMES,
    SoundSet,
    UnplayableSound,
    load_wav,
    scale_pcm,
)
from coach.locations import bundled_dir
from coach.routine.model import SOUND_EVENTS, TEMPO_PHASES


def pcm16(*samples: int) -> bytes:
    return struct.pack(f"<{len(samples)}h", *samples)


def write_wav(
    path: Path,
    samples: tuple[int, ...] = (0, 1000, -1000, 0),
    *,
    rate: int = 44100,
    channels: int = 1,
    width: int = 2,
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        if width == 2:
            wav.writeframes(pcm16(*samples))
        else:
            wav.writeframes(bytes(128 + s // 256 for s in samples))
    return path


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A user folder and a bundled folder, each holding a `start.wav` with its own samples."""
    user, bundled = tmp_path / "user-sounds", tmp_path / "bundled-sounds"
    write_wav(bundled / "start.wav", (1, 2, 3))
    write_wav(bundled / "rest.wav", (4, 5, 6))
    write_wav(user / "start.wav", (7, 8, 9))
    write_wav(user / "gong.wav", (10, 11, 12))
    return user, bundled


def sound_set(
    folders: tuple[Path, Path], overrides: dict[str, str | None] | None = None
) -> SoundSet:
    user, bundled = folders
    return SoundSet(overrides, user_dir=user, bundled_dir=bundled)


def test_cue_sound_names_cover_every_event_and_tempo_phase() -> None:
    expected = [e for e in SOUND_EVENTS if e != "tempo"] + [f"tempo-{p}" for p in TEMPO_PHASES]
    assert sorted(CUE_SOUND_NAMES) == sorted(expected)


@pytest.mark.parametrize(
    ("overrides", "kind", "detail", "name"),
    [
        ({}, "start", None, "start"),
        ({}, "tempo", "up", "tempo-up"),
        ({}, "tempo", "pause", "tempo-pause"),
        ({}, "countdown", "3", "countdown"),
        ({"finish": "gong"}, "finish", None, "gong"),
        ({"tempo": "gong"}, "tempo", "down", "gong"),
        ({"finish": None}, "finish", None, None),
        ({"finish": "none"}, "finish", None, None),
        ({"finish": "gong"}, "start", None, "start"),
    ],
)
def test_sound_name_for_a_cue(
    folders: tuple[Path, Path],
    overrides: dict[str, str | None],
    kind: str,
    detail: str | None,
    name: str | None,
) -> None:
    assert sound_set(folders, overrides).sound_name(kind, detail) == name


def test_a_user_file_wins_over_the_bundled_one(folders: tuple[Path, Path]) -> None:
    user, bundled = folders
    sounds = sound_set(folders)
    assert sounds.path_for("start") == user / "start.wav"
    assert sounds.path_for("rest") == bundled / "rest.wav"
    clip = sounds.clip("start")
    assert clip is not None and clip.pcm == pcm16(7, 8, 9) and clip.name == "start"


def test_a_routine_override_names_a_user_sound(folders: tuple[Path, Path]) -> None:
    clip = sound_set(folders, {"rest": "gong"}).clip("rest")
    assert clip is not None and clip.name == "gong" and clip.pcm == pcm16(10, 11, 12)


def test_none_makes_a_cue_silent_without_a_problem(folders: tuple[Path, Path]) -> None:
    sounds = sound_set(folders, {"start": None, "rest": "none"})
    assert sounds.clip("start") is None
    assert sounds.clip("rest") is None
    assert sounds.problems == []


def test_a_missing_sound_is_one_problem_and_a_silent_cue(folders: tuple[Path, Path]) -> None:
    user, _ = folders
    sounds = sound_set(folders, {"finish": "bell"})
    assert sounds.clip("finish") is None
    assert sounds.clip("finish") is None
    assert sounds.problems == [f"no sound 'bell' for the finish cue: put bell.wav in {user}"]


@pytest.mark.parametrize("name", ["../start", "a/b", ".hidden", "x/"])
def test_a_name_that_is_not_a_plain_file_name_is_refused(
    folders: tuple[Path, Path], name: str
) -> None:
    sounds = sound_set(folders, {"finish": name})
    assert sounds.clip("finish") is None
    assert len(sounds.problems) == 1 and "not a plain file name" in sounds.problems[0]


def test_the_default_folders_are_the_config_folder_and_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "own-config"
    monkeypatch.setenv("COACH_CONFIG_DIR", str(config))
    write_wav(config / "sounds" / "finish.wav", (42, 43))
    sounds = SoundSet()
    assert sounds.path_for("finish") == config / "sounds" / "finish.wav"
    assert sounds.path_for("start") == bundled_dir("sounds") / "start.wav"


def test_every_bundled_cue_loads_without_a_problem() -> None:
    sounds = SoundSet()
    sounds.preload(volume=0.8)
    assert sounds.problems == []
    assert all(
        sounds.clip(e, p) for e in SOUND_EVENTS for p in (TEMPO_PHASES if e == "tempo" else (None,))
    )


BROKEN = {
    "truncated": "is cut short: it holds 2 of its 4 frames",
    "not-a-wav": "is not a WAV file coach can read (file does not start with RIFF id)",
    "empty": "is not a WAV file coach can read (too short)",
    "eight-bit": "has 8-bit samples; coach plays 16-bit PCM WAV",
    "six-channel": "has 6 channels; coach plays mono or stereo",
    "odd-rate": "has a sample rate of 12345 Hz; use 44100 or 48000 Hz",
    "silent-nothing": "holds no sound",
}


def make_broken(kind: str, path: Path) -> None:
    if kind == "truncated":
        write_wav(path, (1, 2, 3, 4))
        path.write_bytes(path.read_bytes()[:-4])
    elif kind == "not-a-wav":
        path.write_text("ID3 this is an mp3, honest")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "eight-bit":
        write_wav(path, (0, 256, 512), width=1)
    elif kind == "six-channel":
        write_wav(path, tuple(range(12)), channels=6)
    elif kind == "odd-rate":
        write_wav(path, (1, 2), rate=12345)
    elif kind == "silent-nothing":
        write_wav(path, ())


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_file_is_a_clear_problem_and_a_silent_cue(
    folders: tuple[Path, Path], kind: str
) -> None:
    user, _ = folders
    path = user / "start.wav"
    make_broken(kind, path)
    with pytest.raises(UnplayableSound, match=re.escape(BROKEN[kind])) as raised:
        load_wav(path)
    sounds = sound_set(folders)
    assert sounds.clip("start") is None
    assert sounds.problems == [f"sound file {path} {raised.value}; the start cue stays silent"]
    # The other cues are not affected.
    assert sounds.clip("rest") is not None
    assert len(sounds.problems) == 1


def test_a_stereo_file_plays(folders: tuple[Path, Path]) -> None:
    user, _ = folders
    write_wav(user / "start.wav", (1, -1, 2, -2), channels=2, rate=48000)
    clip = sound_set(folders).clip("start")
    assert clip is not None
    assert (clip.channels, clip.rate, clip.frames, clip.pcm) == (2, 48000, 2, pcm16(1, -1, 2, -2))


def test_a_file_is_read_once_per_session(folders: tuple[Path, Path]) -> None:
    user, _ = folders
    sounds = sound_set(folders)
    first = sounds.clip("start")
    (user / "start.wav").unlink()
    assert sounds.clip("start") is first


def test_only_the_clips_at_the_sessions_volume_are_kept(folders: tuple[Path, Path]) -> None:
    """Issue #10, a session's peak memory: the file's own samples are not kept beside the clip
    scaled for the volume; another volume reads the file again (a session plays at one)."""
    user, _ = folders
    sounds = sound_set(folders, overrides={"start": "gong"})
    half = sounds.clip("start", volume=0.5)
    assert half is not None and half.pcm == pcm16(5, 6, 6)  # 10, 11, 12 at half; 5.5 to even
    (user / "gong.wav").unlink()
    assert sounds.clip("start", volume=0.5) is half
    assert sounds.problems == []
    assert sounds.clip("start", volume=1.0) is None
    assert len(sounds.problems) == 1 and "gong" in sounds.problems[0]


def test_forgotten_clips_are_read_again_when_asked_for(folders: tuple[Path, Path]) -> None:
    """Issue #10, a session's peak memory: an ended session lets go of its sounds."""
    user, _ = folders
    sounds = sound_set(folders)
    first = sounds.clip("start")
    sounds.forget()
    write_wav(user / "start.wav", (7, 8))
    again = sounds.clip("start")
    assert again is not None and again is not first and again.pcm == pcm16(7, 8)


def test_a_broken_sound_is_said_once_at_any_volume(folders: tuple[Path, Path]) -> None:
    sounds = sound_set(folders, overrides={"start": "nowhere"})
    assert sounds.clip("start", volume=0.5) is None
    assert sounds.clip("start", volume=1.0) is None
    assert len(sounds.problems) == 1


@pytest.mark.parametrize(
    ("samples", "volume", "expected"),
    [
        ((1000, -1000, 32767, -32768), 1.0, (1000, -1000, 32767, -32768)),
        ((1000, -1000, 32767, -32768), 0.5, (500, -500, 16384, -16384)),
        ((1000, -1000, 3, -3), 0.25, (250, -250, 1, -1)),
        ((1000, -1000, 32767, -32768), 0.0, (0, 0, 0, 0)),
        ((1000, -1000), 1.7, (1000, -1000)),
        ((1000, -1000), -0.2, (0, 0)),
        ((12345, -7), 0.1, (1234, -1)),
    ],
)
def test_volume_scales_each_sample_to_the_nearest_integer(
    samples: tuple[int, ...], volume: float, expected: tuple[int, ...]
) -> None:
    assert scale_pcm(pcm16(*samples), volume) == pcm16(*expected)


def test_scaled_clips_are_kept_per_volume(folders: tuple[Path, Path]) -> None:
    sounds = sound_set(folders)
    loud, half = sounds.clip("rest"), sounds.clip("rest", volume=0.5)
    half_again = sounds.clip("rest", volume=0.501)  # the same 0.01 step
    assert loud is not None and half is not None
    assert half.pcm == pcm16(2, 2, 3)  # 4*0.5, 5*0.5 -> 2 (to even), 6*0.5
    assert half_again is half
    assert sounds.clip("rest", volume=1.0) is loud
