"""The settings file: every key read, and every mistake reported with its place, defaults kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coach.settings import Settings, load_settings, settings_path


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults() -> None:
    assert not settings_path().exists()
    assert load_settings() == Settings()


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "volume: 50%\nmute: on\nvoice: off\ndaily_routine: foot-quick\n"
        "theme: nord\nrest_days_per_week: 2\ndrawings: off\n",
    )
    settings = load_settings(path)
    assert settings == Settings(
        volume=0.5,
        mute=True,
        voice=False,
        daily_routine="foot-quick",
        theme="nord",
        rest_days_per_week=2,
        drawings=False,
    )
    assert settings.problems == ()


@pytest.mark.parametrize(
    ("text", "volume"), [("volume: 0.25", 0.25), ("volume: 80", 0.8), ("volume: 0", 0.0)]
)
def test_volume_is_a_fraction_or_a_percentage(tmp_path: Path, text: str, volume: float) -> None:
    assert load_settings(write(tmp_path, text)).volume == volume


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("volume: loud", "1:9", "`volume` must be from 0 to 1 (or 0% to 100%), got 'loud'"),
        ("volume: 200%", "1:9", "`volume` must be from 0 to 1"),
        ("mute: maybe", "1:7", "`mute` must be on or off, got 'maybe'"),
        ("drawings: some", "1:11", "`drawings` must be on or off, got 'some'"),
        ("rest_days_per_week: 9", "1:21", "`rest_days_per_week` must be between 0 and 6"),
        ("volum: 0.5", "1:1", "unknown key `volum`"),
        ("- volume", "1:1", "the settings must be a mapping"),
        ("volume: [1]", "1:9", "`volume` must be a single value"),
        ("mute: on\nmute: off", "2:1", "duplicate key `mute`"),
        ("a: [", "1:5", "YAML syntax"),
        # Problems of the file as a whole name it as a settings file, not a routine file.
        ("mute: !!binary eWVz", "1:7", "YAML tag !!binary is not allowed in a settings file"),
        ("mute: on\n---\nmute: off", "2:1", "only one YAML document is allowed in a settings"),
    ],
)
def test_mistakes_are_reported_with_their_place_and_defaults_kept(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = write(tmp_path, text)
    settings = load_settings(path)
    assert settings.problems, "the mistake was not reported"
    first = str(settings.problems[0])
    assert first.startswith(f"{path}:{where}: "), first
    assert message in first
    assert settings.volume == Settings().volume


def test_a_good_value_survives_a_bad_neighbour(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "mute: on\nvolume: loud\n"))
    assert settings.mute is True and settings.volume == Settings().volume
    assert len(settings.problems) == 1


def test_an_unknown_theme_is_told_at_its_place(tmp_path: Path) -> None:
    """Only the app and `coach doctor` know Textual's themes, so the name is checked after
    loading; the problem still names its place, as every other settings problem does."""
    path = write(tmp_path, "mute: on\ntheme:   nrod  # typo\n")
    settings = load_settings(path)
    assert settings.problems == ()
    assert settings.theme_problem({"nord", "dracula"}) == (
        f"{path}:2:10: there is no theme called 'nrod' (did you mean \"nord\"?);"
        " the default is used"
    )
    assert settings.theme_problem({"nrod"}) is None
    assert Settings(theme="nrod").theme_problem(()) == (
        "there is no theme called 'nrod'; the default is used"
    )


def test_without_a_settings_file_the_app_starts_without_pyyaml(tmp_path: Path) -> None:
    """Issue #10 (first frame): PyYAML costs ~10 ms, so the app module and settings with no
    file must not import it; it loads once there is a file to read."""
    code = (
        "import sys, coach.tui.app, coach.tui.screens.home\n"
        "from pathlib import Path\n"
        "from coach.settings import load_settings\n"
        "load_settings(Path(sys.argv[1]) / 'settings.yaml')\n"
        "print('yaml' in sys.modules)\n"
        "(Path(sys.argv[1]) / 'settings.yaml').write_text('volume: 50\\n')\n"
        "print(load_settings(Path(sys.argv[1]) / 'settings.yaml').volume, 'yaml' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "0.5", "True"]
