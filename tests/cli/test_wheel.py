"""A real (non-editable) install carries the bundled routines and sounds and runs from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_built_wheel_lists_and_runs_bundled_routines(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    [wheel] = dist.glob("coach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for bundled in ("routines/foot-daily.yaml", "routines/exercises.yaml", "sounds/start.wav"):
        assert f"coach/_data/{bundled}" in names
    # The licence pyproject.toml names travels with the wheel, and its metadata says MIT.
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT" in zipfile.ZipFile(wheel).read(metadata).decode()

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
         "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "COACH_AUDIO": "silent"}
    listed = subprocess.run(
        [sys.executable, "-m", "coach", "list", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert {"foot-daily", "foot-quick", "cramp-relief"} <= set(rows)
    assert rows["foot-daily"]["path"].startswith(str(site))
    assert all(row["error"] is None for row in rows.values())

    run = subprocess.Popen(
        [sys.executable, "-m", "coach", "run", "foot-quick", "--plain"],
        cwd=elsewhere, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert run.stdout is not None
        first = run.stdout.readline()
    finally:
        run.kill()
        run.wait()
    assert first.startswith("[0:00] Get ready: Ankle circles")
