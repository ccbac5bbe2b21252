"""The cramp diary is pure core, and its command keeps `coach --help` light."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = [
    "coach.cramps.values",
    "coach.cramps.records",
    "coach.cramps.diary",
    "coach.cramps.trends",
    "coach.cramps.guidance",
    "coach.cramps.tips",
    "coach.commands.cramps",
]


@pytest.mark.parametrize("module", MODULES)
def test_cramp_module_imports_no_textual_tui_or_audio(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'simpleaudio')"
        " or m.startswith(('coach.tui', 'coach.audio')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_building_the_parser_loads_neither_the_diary_nor_the_history() -> None:
    code = (
        "import sys\n"
        "from coach.cli import build_parser\n"
        "build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('coach.history', 'coach.cramps.')"
        ") or m in ('yaml', 'sqlite3', 'dataclasses'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "coach.cramps.guidance,coach.cramps.values"
