"""The first frame: how long after typing `coach` the home screen is on the screen, next to a
bare Textual app (the same Textual, one line and a footer) started the same way in the same run.

Each program runs in a real pseudo-terminal of 100x30, and three moments are timed:
- the first visible text (Textual draws a screen in pieces: the bare app's first piece has no
  footer yet, coach's first may lack the today card's border);
- the whole first layout: every part of the first screen on the terminal (the bare app's line
  and its footer's keys; home's header, today card with its border, and footer keys, with
  "Loading…" where the routines will be);
- for coach, home showing today's routine, read after the first frame with the routine list
  and the history.
coach starts with ten years of history and the bundled routines, so the work it does after the
first frame (reading routines and the history) is real work. The runs alternate between the two
programs; medians of `RUNS` each.
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


def first_frame_s(argv: list[str], env: dict[str, str], marks: tuple[str, ...]) -> list[float]:
    """Seconds to the first visible text, to the first layout (every text in `marks[:-1]` has
    been drawn), and to `marks[-1]` being on the screen."""
    terminal = Terminal(argv, env, columns=100, rows=30)
    try:
        first = terminal.wait_for()
        layout = max(terminal.wait_for(mark) for mark in marks[:-1])
        return [first, layout, terminal.wait_for(marks[-1])]
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
        # What each program's first layout holds, then (last) what its content is.
        programs = {
            "bare Textual app (reference)": (
                [sys.executable, str(bare)],
                ("A bare Textual app", "Quit", "Quit"),
            ),
            "coach (home screen)": (
                [sys.executable, "-m", "coach"],
                ("coach — feet and calves", "╰", "Loading…", "Quit", "Daily foot care"),
            ),
        }
        times: dict[str, list[list[float]]] = {name: [] for name in programs}
        for argv, marks in programs.values():  # once each to fill the bytecode caches
            first_frame_s(argv, env, marks)
        for _ in range(RUNS):
            for name, (argv, marks) in programs.items():
                times[name].append(first_frame_s(argv, env, marks))
    medians = {
        name: [statistics.median(run[i] for run in runs) for i in range(3)]
        for name, runs in times.items()
    }
    first_ref, layout_ref, _ = medians["bare Textual app (reference)"]
    print(
        f"| program, 100x30 pseudo-terminal, median of {RUNS} | first text | ratio"
        " | whole first layout | ratio | routines shown |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, (first, layout, shown) in medians.items():
        print(
            f"| {name} | {first * 1000:.0f} ms | {first / first_ref:.2f}x"
            f" | {layout * 1000:.0f} ms | {layout / layout_ref:.2f}x | {shown * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
