"""History is part of the pure core: none of it may pull in Textual, the TUI or audio."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = [
    "coach.history.database",
    "coach.history.recorder",
    "coach.history.records",
    "coach.history.schema",
    "coach.history.stats",
    "coach.history.store",
    "coach.history.streaks",
    "coach.history.transfer",
    "coach.history.when",
    "coach.commands.history",
]


@pytest.mark.parametrize("module", MODULES)
def test_history_module_imports_no_textual_tui_or_audio(module: str) -> None:
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
