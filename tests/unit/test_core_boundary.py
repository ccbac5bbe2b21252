"""The pure core must never pull in Textual, the TUI or the audio layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "coach.routine.loader",
    "coach.routine.catalog",
    "coach.routine.timeline",
    "coach.routine.schema",
    "coach.session.engine",
    "coach.settings",
    "coach.text",
    "coach.plain",
    "coach.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual_or_audio(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m.startswith(('coach.tui', 'coach.audio', 'simpleaudio')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_help_and_version_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from coach.cli import main\n"
        "for argv in (['--help'], ['--version']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "False"
    assert "usage: coach" in result.stdout
