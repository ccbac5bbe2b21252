"""The pure core must never pull in Textual, the TUI or the audio layer, and the command line
must stay light: `coach --help` loads neither Textual nor the storage it does not need."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from fresh_python import run_and_list

import coach

CORE_PACKAGES = (
    "coach.drawing",
    "coach.routine",
    "coach.session",
    "coach.history",
    "coach.cramps",
    "coach.plan",
    "coach.report",
)
GROUND_MODULES = [
    "coach.problems",
    "coach.yamlfile",
    "coach.files",
    "coach.transfer",
    "coach.digest",
]
LIGHT_MODULES = ["coach.settings", "coach.text", "coach.plain", "coach.voice_lines", "coach.cli"]


def core_modules() -> list[str]:
    found = [
        info.name
        for info in pkgutil.walk_packages(coach.__path__, "coach.")
        if info.name.startswith(CORE_PACKAGES) or info.name.startswith("coach.commands.")
    ]
    return sorted(found) + GROUND_MODULES + LIGHT_MODULES


def test_every_core_package_is_found() -> None:
    modules = core_modules()
    for package in CORE_PACKAGES:
        assert any(m.startswith(package + ".") for m in modules), package


@pytest.mark.parametrize("module", core_modules())
def test_core_module_does_not_import_textual_or_audio(module: str) -> None:
    _, loaded = run_and_list(f"import {module}")
    bad = [
        m
        for m in loaded
        if m.split(".")[0] in ("textual", "simpleaudio")
        or m.startswith(("coach.tui", "coach.audio"))
    ]
    assert bad == [], f"{module} imports {bad}"


def test_help_and_version_do_not_import_textual() -> None:
    code = (
        "from coach.cli import main\n"
        "for argv in (['--help'], ['--version']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    printed, loaded = run_and_list(code)
    assert "usage: coach" in printed
    assert [m for m in loaded if m.split(".")[0] == "textual"] == []


def test_building_the_parser_loads_no_storage_or_yaml() -> None:
    _, loaded = run_and_list("from coach.cli import build_parser\nbuild_parser()")
    heavy = [
        m for m in loaded if m in ("yaml", "sqlite3", "textual") or m.startswith("coach.history")
    ]
    assert heavy == []


def test_the_prompt_fast_path_loads_no_parser_and_no_other_command(tmp_path: Path) -> None:
    """`coach status --short` runs in shell prompts: once its answer is worked out, asking
    again loads neither argparse, Textual, the history nor YAML (FAST_PATHS in coach.cli)."""
    env = {
        **os.environ,
        **{f"COACH_{kind}_DIR": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "CACHE")},
    }
    command = [sys.executable, "-m", "coach", "status", "--short"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    printed, loaded = run_and_list(
        "from coach.cli import main\nprint('exit', main(['status', '--short']))\n", env
    )
    assert printed.endswith(f"exit {first.returncode}\n")
    assert printed.startswith(first.stdout)
    heavy = {"argparse", "textual", "sqlite3", "yaml", "coach.commands.history"}
    assert heavy & set(loaded) == set()


def test_every_fast_path_names_a_function() -> None:
    from coach.cli import FAST_PATHS, _fast

    for words, target in FAST_PATHS.items():
        assert callable(_fast(target)), words


def test_home_first_frame_loads_only_what_it_draws(tmp_path: Path) -> None:
    """Issue #10 (first frame): the app and home's screen, made as `coach` makes them, load no
    routine model, timeline, history store, YAML, SQLite or table widget: those load after the
    first frame, in home's workers. With no settings file, neither the plan's entries nor the
    file problems' module load (about 1.8 ms), and Textual's header, which follows the first
    frame, is not loaded for it."""
    code = (
        "from coach.tui.app import make_app\n"
        "app = make_app(record_history=True)\n"
        "app.get_default_screen()\n"
    )
    env = {**os.environ, "COACH_CONFIG_DIR": str(tmp_path), "COACH_DATA_DIR": str(tmp_path)}
    _, loaded = run_and_list(code, env)
    later = (
        "yaml",
        "sqlite3",
        "coach.routine.model",
        "coach.routine.timeline",
        "coach.history.store",
        "coach.plan.progress",
        "coach.tui.commands",
        "textual.widgets._data_table",
        "coach.plan.entry",
        "coach.problems",
        "textual.widgets._header",
    )
    assert [m for m in later if m in loaded] == []
    assert "coach.tui.screens.home" in loaded  # it did make home


def test_a_session_loads_no_relief_texts_cramp_trends_watcher_or_history_screens() -> None:
    """`coach run` loads what its session and Finished screen (with the check-in's cramp
    question and the streak) use, not the relief's health texts (the relief routine only), the
    cramp trends (the stats screen's), the routine watcher (home's) or what the history
    screens show (the Finished screen's streak has its own module): issue #10, memory."""
    modules = (
        "coach.commands.session",
        "coach.cramps.relief",
        "coach.tui.app",
        "coach.tui.screens.session",
        "coach.tui.screens.finished",
        "coach.tui.widgets.checkin",
    )
    _, loaded = run_and_list("\n".join(f"import {module}" for module in modules))
    assert set(modules) <= set(loaded)
    elsewhere = {
        "coach.cramps.guidance",
        "coach.cramps.trends",
        "coach.tui.watch",
        "coach.tui.history_view",
    }
    assert elsewhere & set(loaded) == set()
