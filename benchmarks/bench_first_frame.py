"""The first frame: how long after typing `coach` the home screen is on the screen, next to a
bare Textual app (the same Textual, one line and a footer) started the same way in the same run.

Each program runs in a real pseudo-terminal of 100x30 and the clock stops when the first visible
text reaches the terminal (the first frame: for coach, home with its layout, footer and
"Loading…"; routines and history fill in after it). A second column times the moment home shows
its routines. coach starts with ten years of history and the bundled routines, so
the work it does after the first frame (reading routines and the history) is real work. The
runs alternate between the two programs; medians of `RUNS` each.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench_history import history
from terminal import BARE_APP, Terminal

from coach.history.store import HistoryStore

RUNS = 9


def first_frame_s(argv: list[str], env: dict[str, str], shown: str) -> tuple[float, float]:
    """Seconds to the first frame, and to `shown` being on the screen."""
    terminal = Terminal(argv, env, columns=100, rows=30)
    try:
        return terminal.wait_for(), terminal.wait_for(shown)
    finally:
        terminal.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "HOME": str(folder),
            "COACH_DATA_DIR": str(folder / "data"),
            "COACH_CONFIG_DIR": str(folder / "config"),
            "COACH_CACHE_DIR": str(folder / "cache"),
            "COACH_AUDIO": "silent",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed coach has its bytecode cached
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        os.environ.update(env)
        with HistoryStore.open() as store:
            store.add_sessions(history())
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP)
        programs = {
            "bare Textual app (reference)": ([sys.executable, str(bare)], "A bare"),
            "coach (home screen)": ([sys.executable, "-m", "coach"], "Daily foot care"),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for argv, shown in programs.values():  # once each to fill the bytecode caches
            first_frame_s(argv, env, shown)
        for _ in range(RUNS):
            for name, (argv, shown) in programs.items():
                times[name].append(first_frame_s(argv, env, shown))
    reference = statistics.median(first for first, _ in times["bare Textual app (reference)"])
    print(
        f"| program, 100x30 pseudo-terminal | first frame, median of {RUNS} | ratio"
        " | its content shown |"
    )
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        first = statistics.median(first for first, _ in values)
        full = statistics.median(full for _, full in values)
        print(
            f"| {name} | {first * 1000:.0f} ms | {first / reference:.2f}x | {full * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
