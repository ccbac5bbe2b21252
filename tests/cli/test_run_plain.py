"""`coach run --plain` end to end, in a subprocess with no terminal and no sound card."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import RunCoach

SHORT = """\
name: Short
prepare: 0.2s
steps:
  - {name: Hold, duration: 0.5s, sides: both, switch: 0.1s}
  - {name: Pick, reps: 3}
  - rest: 0.3s
  - {name: Raise, reps: 2, tempo: {up: 0.1s, down: 0.1s}}
"""


def test_a_short_routine_completes_with_one_line_per_event(coach: RunCoach, tmp_path: Path) -> None:
    path = tmp_path / "short.yaml"
    path.write_text(SHORT)
    result = coach("run", str(path), "--plain", stdin="\n")
    assert result.returncode == 0, result.stderr
    lines = [line.split("] ", 1)[1] for line in result.stdout.splitlines() if line.startswith("[")]
    assert lines == [
        "Get ready: Hold (left side), 0.2 s",
        "Go: Hold (left side), 0.5 s",
        "Switch sides: right side next, 0.1 s",
        "Go: Hold (right side), 0.5 s",
        "Get ready: Pick, 0.2 s",
        "Go: Pick, 3 reps, at your own pace: press Enter when done",
        "Rest 0.3 s",
        "Get ready: Raise, 0.2 s",
        "Go: Raise, 2 reps (0.1-0.1 s)",
        "Session complete: 3 of 3 exercises done",
    ]
    assert "Traceback" not in result.stderr
    assert "ALSA" not in result.stderr


def test_a_broken_routine_is_reported_not_run(coach: RunCoach, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: X\nsteps:\n  - {name: A, duration: 0}\n")
    result = coach("run", str(path), "--plain")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}:3:25: ")
    assert result.stdout == ""


def test_with_stdin_closed_self_paced_steps_are_skipped_saying_why_and_not_completed(
    coach: RunCoach, tmp_path: Path
) -> None:
    """Issue #11: with stdin closed, self-paced steps were skipped silently and the session
    stored as `completed`."""
    path = tmp_path / "reps.yaml"
    path.write_text(
        "name: Reps\nprepare: 0\nsteps:\n  - {name: Pick, reps: 10}\n  - {name: Curl, reps: 5}\n"
    )
    result = coach("run", str(path), "--plain", stdin="")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert out.count("no keyboard: self-paced steps are skipped") == 1
    assert out.splitlines()[-1].endswith(
        "] Ended: 0 of 2 exercises done; skipped steps don't count toward your streak"
    )
    [session] = json.loads(coach("history", "--json").stdout)
    assert session["status"] == "partial"
    assert [s["status"] for s in session["steps"]] == ["skipped", "skipped"]


def test_plain_shows_no_drawing(coach: RunCoach, tmp_path: Path) -> None:
    """`--plain` is text for scripts and screen readers: no braille drawing, even for an
    exercise that has one on the session screen."""
    path = tmp_path / "drawn.yaml"
    path.write_text(
        "name: Drawn\nprepare: 0.1s\nsteps:\n"
        "  - {exercise: toe-raise, reps: 1, tempo: {up: 0.1s, down: 0.1s}}\n"
    )
    result = coach("run", str(path), "--plain")
    assert result.returncode == 0, result.stderr
    assert "Go: Toe raise" in result.stdout
    assert not any("\u2800" <= ch <= "\u28ff" for ch in result.stdout)


def test_with_sound_off_by_the_environment_nothing_is_spoken(
    coach: RunCoach, tmp_path: Path, isolated_folders: Path
) -> None:
    """Issue #10 (`make test`'s time): with `COACH_AUDIO=silent` a plain run still rendered
    every spoken line with espeak-ng and waited out each unheard one, about 3 s after the
    session had ended."""
    path = tmp_path / "quick.yaml"
    path.write_text("name: Quick\nprepare: 0.1s\nsteps:\n  - {name: Hold, duration: 0.2s}\n")
    result = coach("run", str(path), "--plain")
    assert result.returncode == 0, result.stderr
    assert "Session complete: 1 of 1 exercise done" in result.stdout
    voice = isolated_folders / "cache" / "voice"
    assert not voice.exists() or list(voice.iterdir()) == []


def test_help_tells_the_exit_statuses_a_script_gets(coach: RunCoach, tmp_path: Path) -> None:
    """`coach run --help` names every exit status; the ones not run elsewhere are checked
    here: an unknown routine is 1, a usage error and the player without a terminal are 2 (the
    latter saying what to use instead). 0 and 1 of a session are above; 130 is in
    test_history_kill.py, 141 below."""
    said = " ".join(coach("run", "--help").stdout.split())
    for status in (
        "0 when the session was completed",
        "1 when it was not (stopped, or less than half of its work done)",
        "or the routine could not be used",
        "2 on a usage error or when the player has no terminal (use --plain)",
        "130 when Ctrl+C interrupts --plain, or coach as it starts",
        "141 when --plain's output pipe is closed",
    ):
        assert status in said
    unknown = coach("run", "no-such-routine")
    assert unknown.returncode == 1
    assert "no routine called 'no-such-routine'" in unknown.stderr
    assert coach("run").returncode == 2
    no_terminal = coach("run", "foot-quick", "--resume", stdin="")
    assert no_terminal.returncode == 2
    # One line, what to use instead; not first "no interrupted session … to resume".
    assert no_terminal.stderr.splitlines() == [
        "coach: the player needs a terminal; for pipes and scripts use `coach run ROUTINE --plain`"
    ]


def test_plain_whose_reader_leaves_exits_141_as_a_piped_command(tmp_path: Path) -> None:
    """`coach run ROUTINE --plain | head -1`: the reader goes after the first line, and coach
    says nothing more and exits 141, as a command killed by SIGPIPE does, so the session does
    not look completed to the shell."""
    path = tmp_path / "short.yaml"
    path.write_text(SHORT)
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "run", str(path), "--plain"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COACH_AUDIO": "silent"},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"[")
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert b"Traceback" not in process.stderr.read()
