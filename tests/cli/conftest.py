"""Helpers to run the real `coach` command in a subprocess, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunCoach = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def user_routines(isolated_folders: Path) -> Path:
    folder = isolated_folders / "config" / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def coach() -> RunCoach:
    def run(
        *args: str, stdin: str | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coach", *args],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "COACH_AUDIO": "silent"},
        )

    return run
