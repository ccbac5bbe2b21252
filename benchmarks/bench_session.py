"""A running session: how exactly cues land on their schedule, and what it costs in CPU.

Timing: the real app (Textual's headless driver, the real clock and event loop) plays a 66 s
routine; a session listener notes, for every cue, the moment it was handled against the moment
the engine scheduled it. CPU: the real `coach run` in a pseudo-terminal at 80x24 for 60 s, next
to `termdown 60` measured the same way at the same time, read from /proc (user + system time).

`--beside DIR` runs another checkout's coach (say `git worktree add /tmp/before <commit>`) in
the same minute too, so a change is measured against what it changed, not against another day.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROUTINE = """\
name: Timing bench
prepare: 3s
steps:
  - {name: Hold, duration: 20s, sides: both, switch: 2s}
  - {name: Raise, reps: 4, tempo: {up: 1s, hold: 1s, down: 1s}}
  - rest: 5s
  - {name: Spread, duration: 10s}
"""
#: The CPU run: a tempo session (the busiest kind: a cue every phase, the drawing moving in
#: the up and down phases), still going when the minute is up.
CPU_ROUTINE = """\
name: CPU bench
prepare: 2s
steps:
  - {exercise: calf-raise, reps: 20, tempo: {up: 2s, hold: 1s, down: 2s}}
"""
CPU_SECONDS = 60.0


def timing(routine_path: Path) -> list[float]:
    """Lateness of every cue in ms (handled minus scheduled) over one whole session."""
    from coach.audio.backend import SilentBackend
    from coach.routine.catalog import Catalog
    from coach.session.engine import Cue, Event, SessionFinished
    from coach.settings import Settings
    from coach.tui.app import make_app

    entry = Catalog.default().load(routine_path)
    assert entry.routine is not None
    errors: list[float] = []

    def listeners(*_: object) -> list[object]:
        def note(event: Event) -> None:
            if isinstance(event, Cue):
                errors.append((time.monotonic() - event.at) * 1000)
            if isinstance(event, SessionFinished):
                app.exit()

        return [note]

    app = make_app(
        start_routine=entry.routine,
        audio=SilentBackend(),
        settings=Settings(voice=False),
        session_listeners=listeners,  # type: ignore[arg-type]
    )
    app.run(headless=True, size=(80, 24))
    return errors


def _drain(fd: int, stop: threading.Event) -> None:
    while not stop.is_set():
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def _in_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, int, threading.Event]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 80x24, like a small real one
        os.environ.update(env)
        # Out of the checkout, so `python -m coach` imports the installed coach, or the one
        # PYTHONPATH names, rather than the current folder's.
        os.chdir(env["COACH_DATA_DIR"])
        os.execvpe(argv[0], argv, {**env, "COLUMNS": "80", "LINES": "24", "TERM": "xterm-256color"})
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    stop = threading.Event()
    threading.Thread(target=_drain, args=(fd, stop), daemon=True).start()
    return pid, fd, stop


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def cpu(routine_path: Path, env: dict[str, str], beside: Path | None = None) -> dict[str, float]:
    """Percent of one core used over CPU_SECONDS by coach (drawings off, then on) and by
    termdown, all side by side; each coach with its own settings and history. With `beside`,
    that checkout's coach runs the same two ways in the same minute."""
    termdown = shutil.which("termdown", path=str(Path(sys.executable).parent))
    run = [sys.executable, "-m", "coach", "run", str(routine_path)]
    commands: dict[str, tuple[list[str], str, dict[str, str]]] = {}
    versions = (
        {"": {}} if beside is None else {"": {}, f", {beside.name}": {"PYTHONPATH": str(beside)}}
    )
    for version, extra in versions.items():
        for drawings in ("off", "on"):
            name = f"coach run, tempo, drawings {drawings} (80x24){version}"
            commands[name] = (run, f"drawings: {drawings}\n", extra)
    if termdown:
        commands["termdown 60 (reference)"] = ([termdown, "60"], "", {})
    started = {}
    for n, (name, (argv, settings, extra)) in enumerate(commands.items()):
        own = {
            key: f"{value}-{n}"
            for key, value in env.items()
            if key.startswith("COACH_") and key.endswith("_DIR")
        }
        Path(own["COACH_CONFIG_DIR"]).mkdir(parents=True)
        Path(own["COACH_DATA_DIR"]).mkdir(parents=True)
        (Path(own["COACH_CONFIG_DIR"]) / "settings.yaml").write_text(settings + "voice: off\n")
        started[name] = _in_terminal(argv, {**env, **own, **extra})
    time.sleep(3.0)  # past start-up: measure the steady state
    before = {name: _cpu_ticks(pid) for name, (pid, _, _) in started.items()}
    time.sleep(CPU_SECONDS)
    after = {name: _cpu_ticks(pid) for name, (pid, _, _) in started.items()}
    tick = os.sysconf("SC_CLK_TCK")
    for pid, fd, stop in started.values():
        stop.set()
        subprocess.run(["kill", str(pid)], check=False)
        os.waitpid(pid, 0)
        os.close(fd)
    return {name: (after[name] - before[name]) / tick / CPU_SECONDS * 100 for name in started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beside", type=Path, help="another checkout of coach to measure too")
    beside = parser.parse_args().beside
    beside = beside.resolve() if beside is not None else None
    if beside is not None and not (beside / "coach" / "__init__.py").is_file():
        parser.error(f"{beside}: not a checkout of coach (no coach/__init__.py)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "COACH_CONFIG_DIR": str(folder / "config"),
            "COACH_DATA_DIR": str(folder / "data"),
            "COACH_CACHE_DIR": str(folder / "cache"),
            "COACH_AUDIO": "silent",
        }
        os.environ.update(env)
        routine = folder / "bench.yaml"
        routine.write_text(ROUTINE)
        # Longer routine for the CPU run, so it is still going when the minute is up.
        long_routine = folder / "long.yaml"
        long_routine.write_text(CPU_ROUTINE)
        result: dict[str, float] = {}
        thread = threading.Thread(target=lambda: result.update(cpu(long_routine, env, beside)))
        thread.start()
        errors = timing(routine)
        thread.join()
    late = sorted(errors)
    print(f"Cue timing over one {ROUTINE.count('name') - 1}-exercise session ({len(late)} cues):")
    print()
    print("| cue lateness | ms |")
    print("|---|---:|")
    print(f"| median | {statistics.median(late):.1f} |")
    print(f"| 95th percentile | {late[int(len(late) * 0.95) - 1]:.1f} |")
    print(f"| worst | {late[-1]:.1f} |")
    first, last = errors[: len(errors) // 4], errors[-len(errors) // 4 :]
    drift = statistics.mean(last) - statistics.mean(first)
    print(f"| drift (mean of the last quarter minus the first) | {drift:+.1f} |")
    print()
    print(f"CPU over {CPU_SECONDS:.0f} s of a running session (percent of one core):")
    print()
    print("| process | CPU |")
    print("|---|---:|")
    for name, percent in result.items():
        print(f"| `{name}` | {percent:.2f}% |")


if __name__ == "__main__":
    main()
