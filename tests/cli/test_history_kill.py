"""`coach run --plain` killed mid-session keeps every step that had ended, as a partial session."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.cli.conftest import RunCoach

STEPS = 6
ROUTINE = "name: Kill test\nprepare: 0\nsteps:\n" + "".join(
    f"  - {{name: Step {n}, duration: 0.4s}}\n" for n in range(1, STEPS + 1)
)
LINE_TIMEOUT_S = 20.0


class Running:
    """`coach run ROUTINE --plain` in a subprocess, its stdout read line by line as it comes."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coach", "run", str(path), "--plain"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COACH_AUDIO": "silent"},
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str) -> None:
        """Block until a line containing `text` arrives (the process's own pace, not a sleep)."""
        while True:
            line = self._queue.get(timeout=LINE_TIMEOUT_S)
            assert line is not None, f"ended before {text!r}: {self.lines}"
            self.lines.append(line)
            if text in line:
                return

    def finish(self, sig: signal.Signals | None = None) -> tuple[int, str]:
        if sig is not None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=LINE_TIMEOUT_S)
        while (line := self._queue.get(timeout=LINE_TIMEOUT_S)) is not None:
            self.lines.append(line)
        assert self.process.stderr is not None
        return code, self.process.stderr.read()

    def started(self) -> list[str]:
        return [line.split("Go: ")[1].split(",")[0] for line in self.lines if "Go: " in line]


def only_session(coach: RunCoach) -> dict[str, object]:
    result = coach("history", "--json")
    assert result.returncode == 0, result.stderr
    [session] = json.loads(result.stdout)
    assert isinstance(session, dict)
    return session


def test_a_killed_session_keeps_exactly_the_steps_that_had_ended(
    coach: RunCoach, tmp_path: Path
) -> None:
    path = tmp_path / "kill.yaml"
    path.write_text(ROUTINE)
    running = Running(path)
    # "Go: Step 4" is printed only after Step 3's end was recorded.
    running.wait_for("Go: Step 4")
    code, _ = running.finish(signal.SIGKILL)
    assert code == -signal.SIGKILL
    started = running.started()
    ended = started[:-1]  # the last one started was still going when the kill came
    assert len(ended) >= 3
    session = only_session(coach)
    assert session["status"] == "partial"
    steps = session["steps"]
    assert isinstance(steps, list)
    assert [(s["name"], s["status"]) for s in steps] == [(name, "done") for name in ended]
    assert all(s["planned_s"] == 0.4 and s["actual_s"] == 0.4 for s in steps)


def test_ctrl_c_keeps_the_session_as_partial(coach: RunCoach, tmp_path: Path) -> None:
    path = tmp_path / "kill.yaml"
    path.write_text(ROUTINE)
    running = Running(path)
    running.wait_for("Go: Step 3")
    code, stderr = running.finish(signal.SIGINT)
    assert code == 130, stderr  # as `coach run --help` says, and as shells expect
    assert "stopped; the steps you finished are saved in your history" in stderr
    assert "Traceback" not in stderr
    ended = running.started()[:-1]
    session = only_session(coach)
    assert session["status"] == "partial"
    steps = session["steps"]
    assert isinstance(steps, list)
    assert [s["name"] for s in steps] == ended


def test_a_finished_plain_session_is_completed(coach: RunCoach, tmp_path: Path) -> None:
    path = tmp_path / "kill.yaml"
    path.write_text(ROUTINE)
    result = coach("run", str(path), "--plain")
    assert result.returncode == 0, result.stderr
    session = only_session(coach)
    assert (session["status"], session["routine"]) == ("completed", "kill")
    assert session["planned_s"] == pytest.approx(STEPS * 0.4)
    steps = session["steps"]
    assert isinstance(steps, list)
    assert [s["name"] for s in steps] == [f"Step {n}" for n in range(1, STEPS + 1)]
