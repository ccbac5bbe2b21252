"""`coach history`, `stats`, `status`, `log`, `export` and `import`, run as a user would."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coach import text
from coach.history.records import SessionRecord, StepRecord
from coach.history.store import HistoryStore
from tests.builders import session_record
from tests.cli.conftest import RunCoach

HISTORY_KEYS = {
    "id",
    "routine",
    "routine_name",
    "started_at",
    "ended_at",
    "status",
    "planned_s",
    "active_s",
    "paused_s",
    "steps",
    "checkin",
}
STEP_KEYS = {
    "name",
    "side",
    "set",
    "sets",
    "round",
    "rounds",
    "reps",
    "planned_s",
    "actual_s",
    "status",
    "started_at",
    "ended_at",
}


def history(coach: RunCoach, *args: str) -> list[dict[str, object]]:
    result = coach("history", "--json", *args)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def played(days_ago: int, routine: str = "foot-daily", status: str = "completed") -> SessionRecord:
    """A session played in coach `days_ago` days ago at 07:30 local time, with two steps."""
    day = date.today() - timedelta(days=days_ago)
    start = datetime(day.year, day.month, day.day, 7, 30).astimezone()
    stamp = start.isoformat(timespec="milliseconds")
    steps = tuple(
        StepRecord(
            index=i,
            name="Calf raise",
            side=side,
            set=1,
            sets=1,
            round=None,
            rounds=None,
            reps=10,
            planned_s=60.0,
            actual_s=60.0,
            status="done",
            started_at=stamp,
            ended_at=stamp,
        )
        for i, side in ((1, "left"), (3, "right"))
    )
    return session_record(
        uid=f"{routine}-{days_ago}",
        routine_id=routine,
        routine_name=routine.title(),
        status=status,
        started_at=stamp,
        ended_at=stamp,
        steps=steps,
    )


def stored(*sessions: SessionRecord) -> None:
    with HistoryStore.open() as store:
        store.add_sessions(sessions)


# -- history -------------------------------------------------------------------------------


def test_an_empty_history_says_so_and_creates_nothing(
    coach: RunCoach, isolated_folders: Path
) -> None:
    result = coach("history")
    assert (result.returncode, result.stdout, result.stderr) == (0, "No sessions yet.\n", "")
    assert history(coach) == []
    assert list((isolated_folders / "data").iterdir()) == []


def test_history_json_has_the_contract_fields_newest_first(coach: RunCoach) -> None:
    stored(played(2), played(1, status="partial"), played(0, routine="foot-quick"))
    rows = history(coach)
    assert [(r["routine"], r["status"]) for r in rows] == [
        ("foot-quick", "completed"),
        ("foot-daily", "partial"),
        ("foot-daily", "completed"),
    ]
    for row in rows:
        assert set(row) == HISTORY_KEYS
        steps = row["steps"]
        assert isinstance(steps, list)
        assert [set(s) for s in steps] == [STEP_KEYS, STEP_KEYS]
    assert [r["routine"] for r in history(coach, "--routine", "foot-daily", "--limit", "1")] == [
        "foot-daily"
    ]


def test_history_table_is_readable_and_says_what_it_left_out(coach: RunCoach) -> None:
    stored(*(played(n) for n in range(25)))
    result = coach("history")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "started", "routine", "status", "time", "steps", "check-in"]
    assert lines[1].split()[3:] == ["foot-daily", "completed", "10:00", "2", "done"]
    assert len(lines) == 1 + 20 + 2
    assert lines[-1] == "20 of 25 sessions shown; --limit N shows more."
    assert len(coach("history", "--limit", "3").stdout.splitlines()) == 1 + 3 + 2


def test_a_bad_limit_is_a_usage_error(coach: RunCoach) -> None:
    for bad in ("0", "-2", "many"):
        result = coach("history", "--limit", bad)
        assert result.returncode == 2
        assert f"expected a whole number from 1 to 1,000,000, got '{bad}'" in result.stderr


# -- log -----------------------------------------------------------------------------------


def planned_total(coach: RunCoach, routine: str) -> float:
    total = json.loads(coach("plan", routine, "--json").stdout)["total_s"]
    assert isinstance(total, float)
    return total


def test_log_records_a_completed_session_without_steps(coach: RunCoach) -> None:
    result = coach("log", "foot-quick", "--at", "yesterday 07:30")
    assert result.returncode == 0, result.stderr
    yesterday = date.today() - timedelta(days=1)
    assert result.stdout == f"Logged foot-quick (Quick feet) at {yesterday} 07:30.\n"
    [row] = history(coach)
    assert (row["routine"], row["status"], row["steps"]) == ("foot-quick", "completed", [])
    assert row["planned_s"] == planned_total(coach, "foot-quick")
    assert str(row["started_at"]).startswith(f"{yesterday}T07:30:00.000")


def test_log_without_at_means_just_finished(coach: RunCoach) -> None:
    assert coach("log", "foot-quick").returncode == 0
    [row] = history(coach)
    ended = datetime.fromisoformat(str(row["ended_at"]))
    assert abs((datetime.now().astimezone() - ended).total_seconds()) < 60
    started = datetime.fromisoformat(str(row["started_at"]))
    assert (ended - started).total_seconds() == planned_total(coach, "foot-quick")


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("tomorrow 07:00", "coach: --at: cannot read the time 'tomorrow 07:00'; use ISO 8601"),
        ("2999-01-01T07:00", "coach: --at: '2999-01-01T07:00' is in the future"),
        ("31:00", "coach: --at: '31:00' is not a time of day"),
    ],
)
def test_log_refuses_a_bad_or_future_time(coach: RunCoach, at: str, message: str) -> None:
    result = coach("log", "foot-quick", "--at", at)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert history(coach) == []


def test_log_of_an_unknown_routine_is_refused(coach: RunCoach) -> None:
    result = coach("log", "foot-dialy")
    assert result.returncode == 1
    assert "no routine called 'foot-dialy'" in result.stderr
    assert history(coach) == []


# -- status and stats ----------------------------------------------------------------------


def test_status_when_todays_routine_is_not_done_yet(coach: RunCoach) -> None:
    stored(played(1), played(2), played(0, routine="foot-quick"))
    result = coach("status")
    assert (result.returncode, result.stdout) == (
        1,
        "foot-daily: not done yet today, 3-day streak\n",
    )
    short = coach("status", "--short")
    assert (short.returncode, short.stdout) in ((1, "✗ 3\n"), (1, "- 3\n"))


def test_status_when_todays_routine_is_done(coach: RunCoach) -> None:
    stored(played(1), played(0))
    result = coach("status")
    assert (result.returncode, result.stdout) == (0, "foot-daily: done today, 2-day streak\n")
    short = coach("status", "--short")
    assert (short.returncode, short.stdout) in ((0, "✓ 2\n"), (0, "+ 2\n"))


def test_the_prompt_fast_path_answers_as_the_parsed_command_does(
    coach: RunCoach, isolated_folders: Path
) -> None:
    """`status --short` is answered before argparse loads; `status --shor` (argparse takes a
    prefix of an option) is the same command parsed the usual way: both must say the same."""
    (isolated_folders / "config" / "settings.yaml").write_text("rest_days_per_week: 6\n")
    stored(played(0), played(2))
    fast, parsed = coach("status", "--short"), coach("status", "--shor")
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        parsed.returncode,
        parsed.stdout,
        parsed.stderr,
    )
    assert fast.stdout in ("✓ 2\n", "+ 2\n")


def test_the_prompts_remembered_status_never_outlives_what_it_depends_on(
    coach: RunCoach, isolated_folders: Path
) -> None:
    """`status --short` keeps its answer in the cache folder for prompts; a session added by
    another process, or a changed setting, is seen at the next call."""
    stored(played(1))
    for _ in range(3):
        short = coach("status", "--short")
        assert (short.returncode, short.stdout) in ((1, "✗ 1\n"), (1, "- 1\n"))
    assert (isolated_folders / "cache" / "status-short").is_file()
    stored(played(0))
    short = coach("status", "--short")
    assert (short.returncode, short.stdout) in ((0, "✓ 2\n"), (0, "+ 2\n"))
    (isolated_folders / "config" / "settings.yaml").write_text("daily_routine: foot-quick\n")
    short = coach("status", "--short")
    assert (short.returncode, short.stdout) in ((1, "✗ 2\n"), (1, "- 2\n"))


def test_status_follows_the_daily_routine_setting(coach: RunCoach, isolated_folders: Path) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text("daily_routine: foot-quick\n")
    stored(played(0, routine="foot-quick"))
    result = coach("status")
    assert (result.returncode, result.stdout) == (0, "foot-quick: done today, 1-day streak\n")


def test_rest_days_from_the_settings_keep_a_streak(coach: RunCoach, isolated_folders: Path) -> None:
    # Today and the day before yesterday: yesterday is either forgiven or it breaks the run.
    stored(played(0), played(2))
    plain = json.loads(coach("stats", "--json").stdout)
    (isolated_folders / "config" / "settings.yaml").write_text("rest_days_per_week: 6\n")
    relaxed = json.loads(coach("stats", "--json").stdout)
    assert (plain["current_streak"], relaxed["current_streak"]) == (1, 2)
    assert relaxed["rest_days_per_week"] == 6


def test_stats_json_and_table(coach: RunCoach) -> None:
    stored(played(0), played(1, status="partial"), played(2))
    stats = json.loads(coach("stats", "--json").stdout)
    assert stats["sessions_completed"] == 2
    assert stats["sessions_played"] == 3
    assert stats["days_active"] == 2
    assert stats["exercises"] == [{"name": "Calf raise", "sets": 6, "reps": 60, "seconds": 360.0}]
    result = coach("stats")
    assert result.returncode == 0, result.stderr
    assert "Completion rate     67% of 3 sessions played in coach" in result.stdout
    assert "Calf raise" in result.stdout


def test_stats_say_completion_over_the_sessions_they_count_and_no_reps_for_holds(
    coach: RunCoach,
) -> None:
    """Bug #11: "Sessions completed 4" beside "Completion rate 50% of 2 sessions" (logged ones
    in one, not the other), and a timed hold's reps shown as 0."""
    hold = played(1)
    hold = replace(hold, uid="hold", steps=tuple(replace(s, reps=None) for s in hold.steps))
    hold = replace(hold, steps=tuple(replace(s, name="Calf stretch") for s in hold.steps))
    stored(played(0), hold, played(2, status="partial"))
    assert coach("log", "foot-quick", "--at", "yesterday 07:00").returncode == 0
    stats = json.loads(coach("stats", "--json").stdout)
    assert (stats["sessions_completed"], stats["sessions_played_completed"]) == (3, 2)
    lines = coach("stats").stdout.splitlines()
    assert "Sessions completed  3 (1 logged)" in lines
    assert "Completion rate     67% of 3 sessions played in coach" in lines
    quick = json.loads(coach("plan", "foot-quick", "--json").stdout)["total_s"]
    assert f"Total active time   {text.total(3 * 600 + quick)}" in lines  # no "33.0 min"
    stretch = next(line for line in lines if line.startswith("Calf stretch"))
    assert stretch.split()[2:] == ["2", "—", "2:00"]


def test_history_of_a_routine_that_does_not_exist_says_so(coach: RunCoach) -> None:
    """Bug #11: `--routine nosuch` printed "No nosuch sessions." and exited 0."""
    result = coach("history", "--routine", "foot-dialy")
    assert result.returncode == 1
    assert result.stderr.startswith("coach: no routine called 'foot-dialy'")
    assert "foot-daily" in result.stderr  # the suggestion
    known = coach("history", "--routine", "foot-daily")
    assert (known.returncode, known.stdout) == (0, "No foot-daily sessions.\n")


def test_history_of_a_deleted_routine_still_lists_its_sessions(coach: RunCoach) -> None:
    stored(played(0, routine="gone"))
    result = coach("history", "--routine", "gone")
    assert result.returncode == 0 and "gone" in result.stdout


def test_stats_of_an_empty_history(coach: RunCoach) -> None:
    result = coach("stats")
    assert result.returncode == 0, result.stderr
    assert "Current streak      0 days" in result.stdout
    assert "no session played in coach yet" in result.stdout


# -- export and import ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_elsewhere_round_trips(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    stored(played(0), played(1, status="partial"))
    assert coach("log", "foot-quick", "--at", "yesterday").returncode == 0
    before = history(coach)
    path = tmp_path / f"out.{kind}"
    result = coach("export", "--format", kind, "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"Exported 3 sessions to {path}.\n"
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "elsewhere"))
    first = coach("import", str(path))
    assert first.returncode == 0, first.stderr
    assert (
        first.stdout
        == f"Imported 3 sessions (4 steps) from {path}; 0 were already in the history.\n"
    )
    after = history(coach)
    assert [{**r, "id": None} for r in after] == [{**r, "id": None} for r in before]
    again = coach("import", str(path))
    assert (
        again.stdout
        == f"Imported 0 sessions (0 steps) from {path}; 3 were already in the history.\n"
    )
    assert len(history(coach)) == 3


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_into_an_empty_history_keeps_the_order_of_ids(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Bug #11: sessions came back renumbered by start time, not in the order of their ids."""
    for ref, at in (("foot-quick", "07:00"), ("foot-daily", "06:00"), ("foot-beginner", "06:30")):
        assert coach("log", ref, "--at", f"yesterday {at}").returncode == 0
    before = [(r["id"], r["routine"]) for r in history(coach)]
    path = tmp_path / f"out.{kind}"
    assert coach("export", "--format", kind, "-o", str(path)).returncode == 0
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "elsewhere"))
    assert coach("import", str(path)).returncode == 0
    assert [(r["id"], r["routine"]) for r in history(coach)] == before
    assert sorted(before) == [(1, "foot-quick"), (2, "foot-daily"), (3, "foot-beginner")]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (None, b"", "no such file"),
        ("folder", None, "a folder, not a coach export"),
        ("sound.json", b"RIFF\x00\x01\xac\xfe", "not a coach export: it is not text"),
        ("latin.csv", b"routine\n\xff\xfe\n", "not a coach export: it is not text"),
    ],
    ids=["missing", "folder", "binary", "not-utf8"],
)
def test_an_import_of_no_readable_text_says_so_in_words(
    coach: RunCoach, tmp_path: Path, name: str | None, content: bytes | None, problem: str
) -> None:
    """Bug #11: a missing or binary file gave `[Errno 2]` or a codec message."""
    path = tmp_path / (name or "missing.json")
    if content is None:
        path.mkdir()
    elif name is not None:
        path.write_bytes(content)
    result = coach("import", str(path))
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [f"{path}: {problem}", f"coach: nothing was imported from {path}"],
    )


def test_export_and_import_of_one_session_speak_in_the_singular(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = played(0)
    stored(replace(one, steps=one.steps[:1]))
    path = tmp_path / "one.json"
    assert coach("export", "-o", str(path)).stderr == f"Exported 1 session to {path}.\n"
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "elsewhere"))
    first = coach("import", str(path)).stdout
    assert first == f"Imported 1 session (1 step) from {path}; 0 were already in the history.\n"
    again = coach("import", str(path)).stdout
    assert again == f"Imported 0 sessions (0 steps) from {path}; 1 was already in the history.\n"


#: Deeper than Python can recurse.
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "v.json",
            '{"format": "coach-history", "version": 99, "sessions": []}',
            "written by a newer coach (format version 99); update coach to import it",
        ),
        ("deep.json", DEEP, "not a coach export: JSON nested too deeply"),
        ("empty.json", "", "not a coach export (expected JSON from `coach export` or its CSV)"),
    ],
    ids=["newer", "deep", "empty"],
)
def test_an_import_that_is_no_usable_export_says_why_and_changes_nothing(
    coach: RunCoach, tmp_path: Path, name: str, content: str, problem: str
) -> None:
    stored(played(0))
    before = history(coach)
    path = tmp_path / name
    path.write_text(content)
    result = coach("import", str(path))
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [f"{path}: {problem}", f"coach: nothing was imported from {path}"],
    )
    assert history(coach) == before


def test_an_import_with_an_infinite_number_is_refused(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored(played(0))
    path = tmp_path / "out.json"
    assert coach("export", "-o", str(path)).returncode == 0
    path.write_text(path.read_text().replace('"active_s": 600.0', '"active_s": 1e309'))
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "elsewhere"))
    result = coach("import", str(path))
    assert result.returncode == 1
    assert "session 1: field `active_s`: expected at most 1000000000 seconds, got inf" in (
        result.stderr
    )


def test_export_to_a_folder_that_does_not_exist_says_so(coach: RunCoach, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    result = coach("export", "-o", str(target))
    assert (result.returncode, result.stderr) == (
        1,
        f"coach: cannot write {target}: No such file or directory\n",
    )


def test_export_to_stdout(coach: RunCoach) -> None:
    stored(played(0))
    document = json.loads(coach("export").stdout)
    assert document["format"] == "coach-history"
    [session] = document["sessions"]
    assert session["uid"] == "foot-daily-0" and session["source"] == "app"
    csv = coach("export", "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("session_uid,routine,") and len(csv) == 3


def test_a_malformed_import_changes_nothing(coach: RunCoach, tmp_path: Path) -> None:
    stored(played(0))
    before = history(coach)
    path = tmp_path / "bad.json"
    path.write_text('{"sessions": [\n  {"routine": "x",\n   "status": completed}\n]}\n')
    result = coach("import", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}:3:14: not valid JSON: Expecting value",
        f"coach: nothing was imported from {path}",
    ]
    assert history(coach) == before


# -- a damaged or unusable history ---------------------------------------------------------


def test_a_damaged_history_is_moved_aside_with_a_message(
    coach: RunCoach, isolated_folders: Path
) -> None:
    path = isolated_folders / "data" / "history.db"
    path.write_bytes(b"this is not a database\n" * 20)
    result = coach("history")
    assert result.returncode == 0
    assert result.stdout == "No sessions yet.\n"
    assert f"coach: {path} could not be read as coach history" in result.stderr
    [aside] = path.parent.glob("history.db.corrupt-*")
    assert aside.read_bytes() == b"this is not a database\n" * 20
    assert coach("log", "foot-quick").returncode == 0
    assert len(history(coach)) == 1


def test_damage_found_while_reading_is_moved_aside_too(
    coach: RunCoach, isolated_folders: Path
) -> None:
    stored(*(played(n) for n in range(400)))
    path = isolated_folders / "data" / "history.db"
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 30] = b"\xee" * (4096 * 28)
    path.write_bytes(bytes(data))
    result = coach("stats")
    assert result.returncode == 0, result.stderr
    assert "could not be read as coach history (it is damaged" in result.stderr
    assert "Sessions completed  0" in result.stdout
    assert len(list(path.parent.glob("history.db.corrupt-*"))) == 1


def test_an_unusable_data_folder_is_a_clear_error_when_writing(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "export.json"
    export.write_text('{"sessions": []}')
    (tmp_path / "blocker").write_text("a file where a folder should be")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "blocker" / "coach"))
    for command in (["log", "foot-quick"], ["import", str(export)]):
        result = coach(*command)
        assert result.returncode == 1
        assert result.stderr.startswith(
            "coach: history is not available: cannot use the data folder: "
            "[Errno 20] Not a directory"
        )
    # Reading says so too, rather than passing for an empty history (#4 of the new-user walk).
    result = coach("history")
    assert (result.returncode, result.stdout) == (1, "")
    assert "cannot use the data folder" in result.stderr


def test_export_writes_through_links_into_devices_and_never_over_read_only_files(
    coach: RunCoach, tmp_path: Path
) -> None:
    """Found by the black-box review: export used to rename its temporary file over any path."""
    assert coach("log", "foot-quick", "--at", "yesterday 07:00").returncode == 0
    target = tmp_path / "target.json"
    target.write_text("{}")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert coach("export", "-o", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text())["sessions"]
    assert target.stat().st_mode & 0o777 == 0o640
    through_device = coach("export", "-o", "/dev/stdout")
    assert through_device.returncode == 0
    assert json.loads(through_device.stdout)["format"] == "coach-history"
    read_only = tmp_path / "kept.json"
    read_only.write_text("mine")
    read_only.chmod(0o444)
    refused = coach("export", "-o", str(read_only))
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert read_only.read_text() == "mine"


def test_stats_exercise_columns_line_up_with_their_header(coach: RunCoach, tmp_path: Path) -> None:
    """Found by the black-box review: a name shorter than "Exercise" pushed the columns left."""
    routine = tmp_path / "one.yaml"
    routine.write_text("name: One\nprepare: 0\nsteps:\n  - {name: One, duration: 0.2}\n")
    assert coach("run", str(routine), "--plain").returncode == 0
    lines = coach("stats").stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Exercise"))
    head, row = lines[header], lines[header + 1]
    assert row.startswith("One ")
    assert head.index("sets") + len("sets") == row.index("1") + 1
