"""Prompt speed: `coach status --short`, which shell prompts run at every command, next to
`python -c pass` in the same run.

The command is the installed `coach` script. The history holds ten years of sessions and the
settings file is there (with a rest day a week), as a person who puts coach in their prompt
would have them. Each command runs as a fresh process; the runs alternate and the medians of
`RUNS` are reported. Most calls find the answer remembered, as a prompt does between two
sessions; the last row forgets it before each run, as the first call after a change does.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_history import history

from coach.history.store import HistoryStore

RUNS = 40
#: The installed `coach` script, as a prompt runs it.
COACH = [str(Path(sys.executable).with_name("coach"))]


def once_ms(argv: list[str], env: dict[str, str], forget: Path | None = None) -> float:
    if forget is not None:
        forget.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "COACH_DATA_DIR": str(folder / "data"),
            "COACH_CONFIG_DIR": str(folder / "config"),
            "COACH_CACHE_DIR": str(folder / "cache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed coach has its bytecode cached
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        os.environ.update(env)
        (folder / "config").mkdir()
        (folder / "config" / "settings.yaml").write_text("rest_days_per_week: 1\n")
        with HistoryStore.open() as store:
            store.add_sessions(history())
        commands = {
            "python -c pass (reference)": [sys.executable, "-c", "pass"],
            "coach status --short": [*COACH, "status", "--short"],
        }
        worked_out = "coach status --short, worked out (after a change)"
        remembered = folder / "cache" / "status-short"
        times: dict[str, list[float]] = {name: [] for name in [*commands, worked_out]}
        for argv in commands.values():  # fills the bytecode caches
            once_ms(argv, env)
        for _ in range(RUNS):
            for name, argv in commands.items():
                times[name].append(once_ms(argv, env))
            times[worked_out].append(once_ms(commands["coach status --short"], env, remembered))
    reference = statistics.median(times["python -c pass (reference)"])
    print(f"| command, as a fresh process | median of {RUNS} | ratio |")
    print("|---|---:|---:|")
    for name, values in times.items():
        ms = statistics.median(values)
        print(f"| `{name}` | {ms:.0f} ms | {ms / reference:.2f}x |")


if __name__ == "__main__":
    main()
