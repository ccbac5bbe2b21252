"""The bundled cue sounds: present, well-formed, pleasant to the ear by the numbers, and exactly
what `scripts/make_sounds.py` makes."""

from __future__ import annotations

import importlib.util
import math
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

from coach.audio.sounds import CUE_SOUND_NAMES
from coach.locations import bundled_dir

REPO = Path(__file__).resolve().parents[2]
SOUNDS = bundled_dir("sounds")


def load_script() -> ModuleType:
    path = REPO / "scripts" / "make_sounds.py"
    spec = importlib.util.spec_from_file_location("make_sounds", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script()


def samples(name: str) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as wav:
        params = wav.getparams()
        data = array("h", wav.readframes(params.nframes))
    return params, data


def zero_crossings_per_second(data: array[int], rate: int) -> float:
    crossings = sum(1 for a, b in zip(data, data[1:], strict=False) if (a < 0) != (b < 0))
    return crossings / (len(data) / rate)


def test_the_script_makes_one_sound_per_cue(script: ModuleType) -> None:
    assert sorted(script.SOUNDS) == sorted(CUE_SOUND_NAMES)


@pytest.mark.parametrize("name", CUE_SOUND_NAMES)
def test_the_bundled_file_is_what_the_script_makes(script: ModuleType, name: str) -> None:
    made = script.render(name)
    assert made == script.render(name), "two runs gave different bytes"
    assert (SOUNDS / f"{name}.wav").read_bytes() == made, "run `make sounds` and keep the result"


@pytest.mark.parametrize("name", CUE_SOUND_NAMES)
def test_each_sound_is_a_short_quiet_click_free_mono_clip(name: str) -> None:
    params, data = samples(name)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44100)
    assert 0.06 <= params.nframes / params.framerate <= 0.9
    peak = max(abs(s) for s in data)
    assert -7.0 <= 20 * math.log10(peak / 32768) <= -5.0
    # Faded in and out, so no click: it starts and ends at zero, rises gently over its first
    # half millisecond and has died away in its last ten.
    assert data[0] == 0 and data[-1] == 0
    assert max(abs(s) for s in data[: params.framerate // 2000]) < 0.1 * peak
    assert max(abs(s) for s in data[-params.framerate // 100 :]) < 0.05 * peak


def test_every_sound_is_different() -> None:
    contents = {(SOUNDS / f"{name}.wav").read_bytes() for name in CUE_SOUND_NAMES}
    assert len(contents) == len(CUE_SOUND_NAMES)


def test_tempo_tones_fall_in_pitch_from_up_to_pause() -> None:
    pitches = []
    for phase in ("up", "hold", "down", "pause"):
        params, data = samples(f"tempo-{phase}")
        pitches.append(zero_crossings_per_second(data, params.framerate))
    assert pitches == sorted(pitches, reverse=True)
    # Far enough apart to tell by ear: at least three semitones between neighbours.
    assert all(high / low > 2 ** (3 / 12) for high, low in zip(pitches, pitches[1:], strict=False))


def test_the_countdown_tick_is_shorter_and_higher_than_the_prepare_tick() -> None:
    prepare_params, prepare = samples("prepare")
    countdown_params, countdown = samples("countdown")
    assert countdown_params.nframes < prepare_params.nframes
    assert zero_crossings_per_second(countdown, 44100) > 1.2 * zero_crossings_per_second(
        prepare, 44100
    )


def test_main_writes_every_file_into_the_folder_given(
    script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "made"
    assert script.main(["--out", str(out)]) == 0
    assert sorted(p.stem for p in out.glob("*.wav")) == sorted(CUE_SOUND_NAMES)
    assert (out / "finish.wav").read_bytes() == (SOUNDS / "finish.wav").read_bytes()
    assert "finish" in capsys.readouterr().out
