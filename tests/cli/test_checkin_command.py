"""`coach checkin` and the questions `coach run --plain` asks at a terminal, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coach.history.checkins import PAIN_ADVICE, CheckIn
from coach.history.store import HistoryStore
from tests.cli.conftest import RunCoach
from tests.unit.test_checkins import session

TIMED = "name: Timed\nprepare: 0.1s\nsteps:\n  - {name: Hold, duration: 0.3s}\n"


def seed(*days: str) -> list[int]:
    with HistoryStore.open() as store:
        return [store.begin_session(session(day, day)) for day in days]


def checkin_of(session_id: int) -> CheckIn | None:
    with HistoryStore.open(create=False) as store:
        return store.checkin_of(session_id)


def test_checkin_changes_the_newest_session_by_default(coach: RunCoach) -> None:
    older, newest = seed("2026-03-02", "2026-03-03")
    result = coach("checkin", "--feeling", "hard", "--pain", "5", "--note", "calf tight")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Check-in of session {newest}: hard, pain 5/10: calf tight.\n"
    saved = checkin_of(newest)
    assert saved is not None and (saved.feeling, saved.pain, saved.note) == (
        "hard",
        5,
        "calf tight",
    )
    assert checkin_of(older) is None
    # Changing one answer keeps the others.
    assert coach("checkin", str(newest), "--pain", "2").returncode == 0
    changed = checkin_of(newest)
    assert changed is not None and (changed.feeling, changed.pain, changed.note) == (
        "hard",
        2,
        "calf tight",
    )


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--feeling", "awful", "feeling must be one of easy, right, hard, got 'awful'"),
        ("--pain", "11", "pain must be a whole number from 0 to 10, got '11'"),
        ("--pain", "x", "pain must be a whole number from 0 to 10, got 'x'"),
    ],
)
def test_bad_values_exit_2_with_one_line_naming_the_allowed_values(
    coach: RunCoach, option: str, value: str, allowed: str
) -> None:
    [session_id] = seed("2026-03-02")
    result = coach("checkin", option, value)
    assert result.returncode == 2
    assert result.stderr == f"coach: checkin: {allowed}\n"
    assert checkin_of(session_id) is None


def test_an_unknown_session_exits_1(coach: RunCoach) -> None:
    seed("2026-03-02")
    result = coach("checkin", "99", "--feeling", "easy")
    assert (result.returncode, result.stderr) == (
        1,
        "coach: checkin: there is no session 99 in the history\n",
    )


def test_an_empty_history_has_no_newest_session(coach: RunCoach) -> None:
    result = coach("checkin", "--feeling", "easy")
    assert result.returncode == 1
    assert "no sessions in the history yet" in result.stderr


def said(output: str) -> str:
    """The output's words with their line breaks as single spaces."""
    return " ".join(output.split())


def test_pain_of_7_twice_in_a_row_is_said_once(coach: RunCoach) -> None:
    first, second, third = seed("2026-03-02", "2026-03-03", "2026-03-04")
    assert PAIN_ADVICE not in said(coach("checkin", str(first), "--pain", "8").stdout)
    advised = coach("checkin", str(second), "--pain", "7").stdout
    assert PAIN_ADVICE in said(advised)
    # Wrapped for an 80-column terminal, as the CLI's other paragraphs are.
    assert max(len(line) for line in advised.splitlines()) <= 76
    assert PAIN_ADVICE not in said(coach("checkin", str(third), "--pain", "9").stdout)


def test_plain_never_asks_when_input_is_not_a_terminal(coach: RunCoach, tmp_path: Path) -> None:
    path = tmp_path / "timed.yaml"
    path.write_text(TIMED)
    result = coach("run", str(path), "--plain", stdin="3\n7\n")
    assert result.returncode == 0, result.stderr
    assert "How did it feel?" not in result.stdout
    with HistoryStore.open(create=False) as store:
        [session] = store.sessions()
        assert session.id is not None and store.checkin_of(session.id) is None


def run_on_a_terminal(args: list[str], typed: bytes) -> tuple[int, str]:
    """Run coach with a pseudo-terminal as its input and output; `typed` is typed ahead."""
    main, child = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env={**os.environ, "COACH_AUDIO": "silent"},
    )
    os.close(child)
    os.write(main, typed)
    output = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when coach ends
            break
        if not chunk:
            break
        output += chunk
    code = process.wait(timeout=60)
    os.close(main)
    return code, output.decode(errors="replace").replace("\r\n", "\n")


def test_plain_asks_at_a_terminal_and_keeps_the_answers(tmp_path: Path) -> None:
    path = tmp_path / "timed.yaml"
    path.write_text(TIMED)
    code, output = run_on_a_terminal(["run", str(path), "--plain"], b"3\n12\n6\ncalf tight\n")
    assert code == 0, output
    assert "How did it feel? 1 easy, 2 about right, 3 hard:" in output
    assert "Please type a whole number from 0 to 10" in output
    assert "Check-in saved." in output
    with HistoryStore.open(create=False) as store:
        [session] = store.sessions()
        assert session.id is not None
        saved = store.checkin_of(session.id)
    assert saved is not None
    assert (saved.feeling, saved.pain, saved.note) == ("hard", 6, "calf tight")
    assert abs((datetime.now().astimezone() - saved.at).total_seconds()) < 120


def test_no_checkin_never_asks_even_at_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "timed.yaml"
    path.write_text(TIMED)
    code, output = run_on_a_terminal(["run", str(path), "--plain", "--no-checkin"], b"3\n")
    assert code == 0, output
    assert "How did it feel?" not in output


def test_history_and_stats_show_check_ins(coach: RunCoach) -> None:
    today = datetime.now().astimezone().date()
    monday = today - timedelta(days=today.weekday())
    first, second = seed(monday.isoformat(), (monday - timedelta(weeks=1)).isoformat())
    assert coach("checkin", str(first), "--feeling", "hard", "--pain", "7").returncode == 0
    assert coach("checkin", str(second), "--pain", "8", "--note", "sore").returncode == 0
    rows = json.loads(coach("history", "--json").stdout)
    assert rows[0]["checkin"]["feeling"] == "hard" and rows[0]["checkin"]["pain"] == 7
    assert (rows[1]["checkin"]["feeling"], rows[1]["checkin"]["note"]) == (None, "sore")
    assert "hard, pain 7/10" in coach("history").stdout
    weeks = json.loads(coach("stats", "--json").stdout)["checkins"]
    assert len(weeks) == 12
    assert weeks[-1] == {
        "week": monday.isoformat(),
        "sessions": 1,
        "hard": 1,
        "pain_mean": 7.0,
        "pain_max": 7,
    }
    assert weeks[-2]["pain_max"] == 8 and weeks[-2]["hard"] == 0
    text = coach("stats").stdout
    assert "How it felt" in text
    assert "worth showing to a doctor or physiotherapist" in text  # pain 8, then 7


def test_checkin_without_options_asks_at_a_terminal() -> None:
    [session_id] = seed("2026-03-02")
    code, output = run_on_a_terminal(["checkin"], b"1\n\nfelt fine\n")
    assert code == 0, output
    assert f"Session {session_id}." in output
    assert f"Check-in of session {session_id}: easy: felt fine." in output
    saved = checkin_of(session_id)
    assert saved is not None and (saved.feeling, saved.pain, saved.note) == (
        "easy",
        None,
        "felt fine",
    )


def test_checkin_without_options_and_no_terminal_says_what_to_give(coach: RunCoach) -> None:
    seed("2026-03-02")
    result = coach("checkin")
    assert (result.returncode, result.stderr) == (
        2,
        "coach: checkin: nothing to change; give --feeling, --pain or --note\n",
    )


def test_export_and_import_carry_check_ins_both_ways(coach: RunCoach, tmp_path: Path) -> None:
    first, second = seed("2026-03-02", "2026-03-03")
    assert coach("checkin", str(first), "--feeling", "hard", "--pain", "5").returncode == 0
    exported = tmp_path / "mine.json"
    assert coach("export", "-o", str(exported)).returncode == 0
    # Elsewhere the same sessions were kept, the first without its check-in, the second with one.
    data = json.loads(exported.read_text())
    data["sessions"][0]["checkin"] = None
    data["sessions"][1]["checkin"] = {
        "feeling": "easy",
        "pain": 0,
        "note": None,
        "at": "2026-03-03T08:00:00.000+01:00",
    }
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps(data))
    result = coach("import", str(theirs))
    assert result.returncode == 0, result.stderr
    assert "Added 1 check-in to sessions that were already in the history" in result.stdout
    kept, added = checkin_of(first), checkin_of(second)
    assert kept is not None and (kept.feeling, kept.pain) == ("hard", 5)  # ours stays
    assert added is not None and (added.feeling, added.pain) == ("easy", 0)  # theirs arrives
