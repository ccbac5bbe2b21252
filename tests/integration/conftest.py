"""Run Python in a child process with its own HOME, so ALSA reads only the config a test gives it
and whatever ALSA prints to fd 2 can be caught."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

RunPython = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def run_python() -> RunPython:
    """`run_python(code, *args, home=..., env={...})` runs `code` with a clean ALSA setup.

    HOME (and XDG_CONFIG_HOME under it) point at `home`, so the developer's own `.asoundrc`
    never applies; ALSA_CONFIG_PATH and the like are dropped unless `env` sets them.
    """

    def run(
        code: str,
        *args: str,
        home: Path,
        env: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        home.mkdir(parents=True, exist_ok=True)
        child_env = {k: v for k, v in os.environ.items() if not k.startswith("ALSA_")}
        child_env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
        child_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=REPO,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run
