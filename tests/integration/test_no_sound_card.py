"""With no sound card, nothing from ALSA reaches the terminal and the cue player falls back.

Each case runs in a child process, because ALSA writes its errors to fd 2 below Python. A
control run of bare simpleaudio in the same setup shows that ALSA does print there, so the
silence that coach keeps is its own doing.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunPython = Callable[..., subprocess.CompletedProcess[str]]

COACH_PLAYS = """
import json, sys
from coach.audio import alsa
from coach.audio.backend import SimpleaudioBackend
from coach.audio.cues import CuePlayer
from coach.audio.sounds import SoundSet

if sys.argv[1] == "fd-2 fallback":
    alsa.silence_alsa_errors = lambda library_names=None: False
backend = SimpleaudioBackend()
player = CuePlayer(backend, SoundSet())
backend.drain(timeout=60)
cue = player.cue("start")
backend.drain(timeout=60)
print(json.dumps({"available": backend.available, "problem": backend.problem, "cue": cue,
                  "notice": player.problem}))
"""

BARE_SIMPLEAUDIO = """
import simpleaudio
try:
    simpleaudio.play_buffer(bytes(882), 1, 2, 44100).wait_done()
except Exception as exc:
    print(type(exc).__name__)
"""


def machine_has_no_sound() -> bool:
    """No ALSA card and no sound-server plugin: ALSA's own config then fails as on CI."""
    cards = Path("/proc/asound/cards")
    if cards.exists() and "no soundcards" not in cards.read_text():
        return False
    plugins = Path("/etc/alsa/conf.d")
    return (
        not (plugins.is_dir() and any(plugins.iterdir())) and not Path("/etc/asound.conf").exists()
    )


SETUPS = {
    # The machine's own ALSA config, which on a machine without a card reports a cascade of
    # "cannot find card '0'" lines. Skipped where a card could really play.
    "this machine, no card": None,
    # A config without a default device, on any machine: ALSA says "Unknown PCM default".
    "no default device": "",
}


@pytest.fixture(params=list(SETUPS))
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    config = SETUPS[request.param]
    if config is None:
        if not machine_has_no_sound():
            pytest.skip("this machine has a sound card or a sound server")
        return {}
    path = tmp_path / "alsa.conf"
    path.write_text(config)
    return {"ALSA_CONFIG_PATH": str(path)}


def test_bare_simpleaudio_lets_alsa_print_here(
    run_python: RunPython, setup: dict[str, str], tmp_path: Path
) -> None:
    done = run_python(BARE_SIMPLEAUDIO, home=tmp_path / "child-home", env=setup)
    assert done.stdout.strip() == "SimpleaudioError"
    assert "ALSA lib" in done.stderr


@pytest.mark.parametrize("mode", ["handler", "fd-2 fallback"])
def test_coach_keeps_alsa_quiet_and_reports_no_sound(
    run_python: RunPython, setup: dict[str, str], mode: str, tmp_path: Path
) -> None:
    done = run_python(COACH_PLAYS, mode, home=tmp_path / "child-home", env=setup)
    assert done.stderr == ""
    result = json.loads(done.stdout)
    assert result["available"] is False
    assert (
        result["problem"] == "no audio device (Error opening PCM device: No such file or directory)"
    )
    assert result["cue"] is False, "the shell must be told to flash and ring the bell"
    assert result["notice"] == (
        "No sound: no audio device (Error opening PCM device: No such file or directory)."
        " Cues will flash and ring the terminal bell."
    )
