"""`coach cramp log|list|trends|now` and `coach tip`, run as a user would."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coach.cli import main
from coach.cramps.diary import CrampDiary
from coach.cramps.guidance import RED_FLAGS, WHEN_TO_SEE_A_DOCTOR, relief_warning
from coach.cramps.tips import BUNDLED_TIPS, read_tips
from coach.history.store import HistoryStore
from tests.cli.conftest import RunCoach

CRAMP_KEYS = {"id", "uid", "at", "foot", "where", "severity", "duration", "context", "note"}
YESTERDAY = date.today() - timedelta(days=1)


def cramps(coach: RunCoach, *args: str) -> list[dict[str, object]]:
    result = coach("cramp", "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def log(coach: RunCoach, *args: str) -> str:
    result = coach("cramp", "log", *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


# -- log -----------------------------------------------------------------------------------


def test_log_with_no_options_is_now_with_the_documented_defaults(coach: RunCoach) -> None:
    before = datetime.now().astimezone()
    out = log(coach)
    [row] = cramps(coach)
    assert set(row) == CRAMP_KEYS
    at = datetime.fromisoformat(str(row["at"]))
    assert at.utcoffset() is not None
    assert before - timedelta(seconds=1) <= at <= datetime.now().astimezone()
    night = at.hour >= 21 or at.hour < 7
    assert (row["foot"], row["where"], row["severity"], row["duration"], row["note"]) == (
        "both",
        "calf",
        5,
        "under-1-min",
        None,
    )
    assert row["context"] == ("night" if night else "other")
    assert out.startswith(f"Logged a cramp at {at:%Y-%m-%d %H:%M}: calf, both feet, 5/10,")


def test_log_with_every_option(coach: RunCoach) -> None:
    out = log(
        coach,
        "--foot",
        "left",
        "--where",
        "arch",
        "--severity",
        "8",
        "--duration",
        "1-10-min",
        "--context",
        "exercise",
        "--at",
        "yesterday 18:45",
        "--note",
        "after the long walk",
    )
    assert out == (
        f"Logged a cramp at {YESTERDAY} 18:45: left arch, 8/10, 1 to 10 minutes,"
        " during or after exercise.\n"
    )
    [row] = cramps(coach)
    assert {k: v for k, v in row.items() if k not in ("id", "uid", "at")} == {
        "foot": "left",
        "where": "arch",
        "severity": 8,
        "duration": "1-10-min",
        "context": "exercise",
        "note": "after the long walk",
    }
    assert str(row["at"]).startswith(f"{YESTERDAY}T18:45:00.000")


@pytest.mark.parametrize(
    ("option", "allowed"),
    [
        ("--foot", ["left", "right", "both", "RIGHT"]),
        ("--where", ["toes", "arch", "heel", "calf"]),
        ("--severity", ["1", "10"]),
        ("--duration", ["under-1-min", "1-10-min", "over-10-min"]),
        ("--context", ["night", "exercise", "sitting", "standing", "other"]),
    ],
)
def test_every_allowed_value_of_every_option_is_kept(
    coach: RunCoach, option: str, allowed: list[str]
) -> None:
    for n, value in enumerate(allowed):
        log(coach, option, value, "--at", f"yesterday 0{n}:00")
    key = option.removeprefix("--")
    stored = [str(row[key]) for row in reversed(cramps(coach))]
    assert stored == [value.lower() for value in allowed]


def test_the_context_defaults_from_the_time_given(coach: RunCoach) -> None:
    log(coach, "--at", "yesterday 06:59")
    log(coach, "--at", "yesterday 07:00")
    log(coach, "--at", "yesterday 21:00")
    assert [row["context"] for row in cramps(coach)] == ["night", "other", "night"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--foot", "up"], "argument --foot: foot must be one of left, right, both; got 'up'"),
        (
            ["--where", "knee"],
            "argument --where: where must be one of toes, arch, heel, calf; got 'knee'",
        ),
        (
            ["--severity", "0"],
            "argument --severity: severity must be a whole number from 1 to 10; got '0'",
        ),
        (
            ["--severity", "11"],
            "argument --severity: severity must be a whole number from 1 to 10; got '11'",
        ),
        (
            ["--severity", "bad"],
            "argument --severity: severity must be a whole number from 1 to 10; got 'bad'",
        ),
        (
            ["--severity", "2.5"],
            "argument --severity: severity must be a whole number from 1 to 10; got '2.5'",
        ),
        (
            ["--duration", "5m"],
            "argument --duration: duration must be one of under-1-min, 1-10-min, over-10-min;"
            " got '5m'",
        ),
        (
            ["--context", "bed"],
            "argument --context: context must be one of night, exercise, sitting, standing,"
            " other; got 'bed'",
        ),
        (["--foot"], "argument --foot: expected one argument"),
        (["--at", "25:00"], "coach: --at: '25:00' is not a time of day (00:00 to 23:59)"),
        (["--at", "whenever"], "coach: --at: cannot read the time 'whenever'"),
        (["--shoe", "left"], "unrecognized arguments: --shoe left"),
    ],
)
def test_a_bad_value_is_refused_clearly_and_nothing_is_stored(
    coach: RunCoach, isolated_folders: Path, args: list[str], message: str
) -> None:
    result = coach("cramp", "log", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert list((isolated_folders / "data").iterdir()) == []


def test_a_future_time_is_refused(coach: RunCoach) -> None:
    later = f"{date.today() + timedelta(days=2)}T03:00"
    result = coach("cramp", "log", "--at", later)
    assert result.returncode == 2
    assert result.stderr.startswith(f"coach: --at: '{later}' is in the future")
    assert cramps(coach) == []


def test_a_notice_follows_a_log_when_a_pattern_shows(coach: RunCoach) -> None:
    assert "doctor" not in log(coach, "--at", "yesterday 02:00")
    assert "doctor" not in log(coach, "--at", "yesterday 03:00")
    out = log(coach, "--at", "yesterday 04:00", "--duration", "over-10-min")
    first, _, notice = out.partition("\n\n")
    assert first.startswith(f"Logged a cramp at {YESTERDAY} 04:00:")
    notice = " ".join(notice.split())
    assert notice.startswith(
        "Your diary shows 3 cramps in the last 7 days, 3 cramps at night in the last 14 days"
        " and a cramp lasting over 10 minutes in the last 7 days."
    )
    assert WHEN_TO_SEE_A_DOCTOR in notice


# -- list and trends -----------------------------------------------------------------------


def test_an_empty_diary_says_so_and_creates_nothing(
    coach: RunCoach, isolated_folders: Path
) -> None:
    result = coach("cramp", "list")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "No cramps logged yet. `coach cramp log` records one.\n"
    assert cramps(coach) == []
    assert list((isolated_folders / "data").iterdir()) == []


def test_list_is_newest_first_with_a_table_and_the_trend_sentence(coach: RunCoach) -> None:
    for hour in range(22):
        log(coach, "--at", f"yesterday {hour:02d}:00", "--note", f"n{hour}")
    rows = cramps(coach)
    assert [row["note"] for row in rows] == [f"n{h}" for h in reversed(range(22))]
    assert [row["note"] for row in cramps(coach, "--limit", "2")] == ["n21", "n20"]
    result = coach("cramp", "list")
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "id",
        "when",
        "foot",
        "where",
        "severity",
        "duration",
        "context",
        "note",
    ]
    assert lines[1].split() == [
        "22",
        str(YESTERDAY),
        "21:00",
        "both",
        "calf",
        "5",
        *["under", "a", "minute"],  # said in words, as everywhere else
        *["at", "night", "in", "bed"],
        "n21",
    ]
    assert "20 of 22 cramps shown; --limit N shows more." in lines
    assert " ".join(lines[-2:]).startswith("22 cramps in the last 4 weeks.")
    assert len(coach("cramp", "list", "--limit", "3").stdout.splitlines()) == 1 + 3 + 2 + 3


def test_a_bad_limit_is_a_usage_error(coach: RunCoach) -> None:
    for bad in ("0", "-1", "lots"):
        result = coach("cramp", "list", "--limit", bad)
        assert result.returncode == 2
        assert f"expected a whole number from 1 to 1,000,000, got '{bad}'" in result.stderr


def test_trends_show_12_weeks_and_the_comparison(coach: RunCoach) -> None:
    log(coach, "--at", "yesterday 03:00")
    data = json.loads(coach("cramp", "trends", "--json").stdout)
    assert len(data["weeks"]) == 12
    assert sum(w["cramps"] for w in data["weeks"]) == 1
    assert data["comparison"]["state"] == "not-regular-yet"
    result = coach("cramp", "trends")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Week", "of", "cramps", "sessions"]
    assert len(lines) == 1 + 12 + 1 + 2
    assert lines[14].startswith("1 cramp in the last 4 weeks.")


# -- help ----------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["cramp", "--help"], ["cramp"]])
def test_cramp_help_shows_the_defaults_and_the_red_flags(coach: RunCoach, args: list[str]) -> None:
    result = coach(*args)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for words in (
        "When it may be more than a cramp",
        *(flag.text for flag in RED_FLAGS),
        "severity 5",
        "not medical advice",
    ):
        assert words in text, words


# -- now -----------------------------------------------------------------------------------

QUICK_RELIEF = """\
name: Cramp relief
prepare: 0
steps:
  - {name: Stretch it the other way, reps: 1}
  - {name: Rub it, reps: 1}
"""


def test_now_without_a_terminal_plays_the_relief_and_says_how_to_log(
    coach: RunCoach, user_routines: Path
) -> None:
    # Self-paced steps stand in for the bundled timed ones, so the test waits for nothing.
    (user_routines / "cramp-relief.yaml").write_text(QUICK_RELIEF)
    before = datetime.now().astimezone()
    result = coach("cramp", "now", stdin="\n\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Go: Stretch it the other way" in out and "Session complete" in out
    # Issue #12: the emergency line and the swollen calf come with the first step, not after.
    first_step = out[out.index("Go: Stretch it the other way") : out.index("Go: Rub it")]
    assert f"Caution: {relief_warning()}" in first_step
    assert "When it may be more than a cramp:" in out
    hint = out.splitlines()[-1]
    assert hint.startswith("To log this cramp: coach cramp log --at ")
    logged_at = hint.rsplit("--at ", 1)[1]
    assert logged_at in (f"{before:%H:%M}", f"'yesterday {before:%H:%M}'")
    assert "Log this cramp?" not in out
    assert cramps(coach) == []
    sessions = json.loads(coach("history", "--json").stdout)
    assert [(s["routine"], s["status"]) for s in sessions] == [("cramp-relief", "completed")]


class Relief:
    """Stands in for `session.play`: records how it was asked to play, moves the clock on."""

    def __init__(self, clock: Iterator[datetime], code: int = 0) -> None:
        self.runs: list[argparse.Namespace] = []
        self.code = code
        self.clock = clock

    def __call__(
        self,
        routine: str,
        *,
        plain: bool,
        mute: bool = False,
        no_voice: bool = False,
        resume: bool = False,
    ) -> int:
        self.runs.append(
            argparse.Namespace(
                routine=routine, plain=plain, mute=mute, no_voice=no_voice, resume=resume
            )
        )
        return self.code


@pytest.fixture
def relief(monkeypatch: pytest.MonkeyPatch) -> Relief:
    started = datetime(2024, 5, 14, 3, 10).astimezone()
    moments = iter([started, *(started + timedelta(minutes=3, seconds=n) for n in range(20))])
    fake = Relief(moments)
    monkeypatch.setattr("coach.commands.session.play", fake)
    monkeypatch.setattr("coach.history.local_now", lambda: next(moments))
    return fake


def answering(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[str]:
    """Answers the questions of `coach cramp now` as a person at a terminal would."""
    asked: list[str] = []
    queue = list(answers)

    def ask(prompt: str) -> str | None:
        asked.append(prompt)
        return queue.pop(0) if queue else None

    monkeypatch.setattr("coach.commands.cramp_now.interactive", lambda: True)
    monkeypatch.setattr("coach.commands.cramp_now.ask", ask)
    return asked


def stored_cramps() -> list[dict[str, object]]:
    with HistoryStore.open() as store:
        return [c.to_json() for c in CrampDiary(store).cramps()]


def test_now_plays_the_relief_routine_with_no_preview_then_logs_with_its_start_time(
    relief: Relief, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = answering(monkeypatch, "", "arch", "right", "7", "", "")
    assert main(["cramp", "now", "--mute"]) == 0
    [run] = relief.runs
    assert (run.routine, run.mute, run.no_voice, run.resume) == ("cramp-relief", True, False, False)
    assert run.plain is True  # captured output is not a terminal
    assert asked == [
        "Log this cramp? [Y/n] ",
        "Where: toes, arch, heel or calf? [calf] ",
        "Which foot: left, right or both? [both] ",
        "How bad, 1 to 10? [5] ",
        "How long: under-1-min, 1-10-min or over-10-min? [under-1-min] ",
        "When: night, exercise, sitting, standing or other? [night] ",
    ]
    [cramp] = stored_cramps()
    assert str(cramp["at"]).startswith("2024-05-14T03:10:00.000")  # when the relief began
    assert (cramp["where"], cramp["foot"], cramp["severity"], cramp["context"]) == (
        "arch",
        "right",
        7,
        "night",
    )
    out = capsys.readouterr().out
    assert "When it may be more than a cramp:" in out
    assert "Logged a cramp at 2024-05-14 03:10: right arch, 7/10, under a minute" in out


def test_now_asks_again_after_a_bad_answer(
    relief: Relief, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answering(monkeypatch, "maybe", "y", "knee", "heel", "", "eleven", "9")
    assert main(["cramp", "now"]) == 0
    [cramp] = stored_cramps()
    assert (cramp["where"], cramp["foot"], cramp["severity"], cramp["duration"]) == (
        "heel",
        "both",
        9,
        "under-1-min",
    )
    out = capsys.readouterr().out
    assert "where must be one of toes, arch, heel, calf; got 'knee'" in out
    assert "severity must be a whole number from 1 to 10; got 'eleven'" in out


@pytest.mark.parametrize("answers", [("n",), ("no",), (None,)])
def test_now_logs_nothing_when_told_not_to(
    relief: Relief,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answers: tuple[str | None, ...],
) -> None:
    answering(monkeypatch, *answers)
    assert main(["cramp", "now"]) == 0
    assert stored_cramps() == []
    out = capsys.readouterr().out
    assert "Not logged." in out
    assert out.rstrip().endswith("To log this cramp: coach cramp log --at 03:10")


def test_now_stopped_with_ctrl_c_asks_nothing(
    relief: Relief, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    relief.code = 130
    asked = answering(monkeypatch, "y")
    assert main(["cramp", "now"]) == 130
    assert asked == [] and stored_cramps() == []
    assert "coach cramp log --at 03:10" in capsys.readouterr().out


def test_now_in_the_app_leaves_the_ending_to_it(
    relief: Relief, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Defect #3 of the new-user walk: the app now ends the relief as `!` on home does (the
    red flags, the offer to log the cramp), so the terminal asks nothing after it."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    asked = answering(monkeypatch, "y")
    assert main(["cramp", "now"]) == 0
    [run] = relief.runs
    assert run.plain is False
    assert asked == [] and stored_cramps() == []
    assert capsys.readouterr().out == ""


def test_now_ends_of_input_take_the_defaults_for_the_rest(
    relief: Relief, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, "yes", "toes")
    assert main(["cramp", "now"]) == 0
    [cramp] = stored_cramps()
    assert (cramp["where"], cramp["foot"], cramp["severity"]) == ("toes", "both", 5)


# -- tip -----------------------------------------------------------------------------------


def test_tip_prints_one_tip_with_its_source(coach: RunCoach) -> None:
    result = coach("tip")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("Source: ")
    texts = {t.text for t in read_tips(BUNDLED_TIPS)[0]}
    assert " ".join(lines[:-1]) in texts


def test_tip_of_a_given_date_is_stable_and_changes_daily(coach: RunCoach) -> None:
    first = coach("tip", "--date", "2024-05-14").stdout
    assert coach("tip", "--date", "2024-05-14").stdout == first
    assert coach("tip", "--date", "2024-05-15").stdout != first
    bad = coach("tip", "--date", "14/05/2024")
    assert bad.returncode == 2
    assert "expected a date like 2024-05-01, got '14/05/2024'" in bad.stderr


def test_tip_all_lists_every_tip_numbered(coach: RunCoach, isolated_folders: Path) -> None:
    (isolated_folders / "config" / "tips.yaml").write_text("- Wear warm socks to bed.\n")
    result = coach("tip", "--all")
    count = len(read_tips(BUNDLED_TIPS)[0])
    numbered = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert len(numbered) == count + 1
    assert numbered[-1] == f"{count + 1}. Wear warm socks to bed."


def test_a_broken_user_tips_file_is_reported_and_the_bundled_tips_still_work(
    coach: RunCoach, isolated_folders: Path
) -> None:
    path = isolated_folders / "config" / "tips.yaml"
    path.write_text("- fine\n- {text: [a, b]}\n")
    result = coach("tip", "--all")
    assert result.returncode == 0
    assert result.stderr.startswith(f"{path}:2:10: `text` must be a single value, not a list")
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0].startswith("1. ")
    assert "fine" in result.stdout


# -- export, import and stats (the history commands carry the diary too) -------------------


def test_export_then_import_elsewhere_carries_the_cramps_once(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(coach, "--at", "yesterday 03:00", "--foot", "left", "--note", "ü")
    log(coach, "--at", "yesterday 04:00", "--where", "toes")
    before = cramps(coach)
    path = tmp_path / "out.json"
    result = coach("export", "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"Exported 0 sessions and 2 cramps to {path}.\n"
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "elsewhere"))
    first = coach("import", str(path))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "Imported 2 cramps; 0 were already in the diary."
    assert [{**r, "id": None} for r in cramps(coach)] == [{**r, "id": None} for r in before]
    again = coach("import", str(path))
    assert again.stdout.splitlines()[-1] == "Imported 0 cramps; 2 were already in the diary."
    assert len(cramps(coach)) == 2


def test_a_malformed_cramp_imports_nothing_at_all(coach: RunCoach, tmp_path: Path) -> None:
    log(coach, "--at", "yesterday 03:00")
    path = tmp_path / "bad.json"
    good = {
        "uid": "new",
        "at": "2024-05-14T03:10:00+01:00",
        "foot": "left",
        "where": "calf",
        "severity": 5,
        "duration": "under-1-min",
        "context": "night",
    }
    session = {
        "uid": "s",
        "routine": "foot-daily",
        "status": "completed",
        "started_at": "2024-05-14T07:30:00+01:00",
        "planned_s": 60,
        "steps": [],
    }
    path.write_text(
        json.dumps({"sessions": [session], "cramps": [good, {**good, "uid": "x", "foot": "up"}]})
    )
    result = coach("import", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}: cramp 2: field `foot`: must be one of left, right, both; got 'up'",
        f"coach: nothing was imported from {path}",
    ]
    assert len(cramps(coach)) == 1
    assert json.loads(coach("history", "--json").stdout) == []


def test_csv_export_says_it_holds_sessions_only(coach: RunCoach) -> None:
    help_text = " ".join(coach("export", "--help").stdout.split())
    assert "csv holds sessions only" in help_text
    log(coach, "--at", "yesterday 03:00")
    assert coach("export", "--format", "csv").stdout.splitlines()[1:] == []


def test_stats_carry_the_cramp_comparison(coach: RunCoach) -> None:
    assert "cramp" not in coach("stats").stdout
    log(coach, "--at", "yesterday 03:00")
    assert "1 cramp in the last 4 weeks." in coach("stats").stdout
    data = json.loads(coach("stats", "--json").stdout)
    assert data["cramps"]["comparison"]["recent"] == 1
    assert len(data["cramps"]["weeks"]) == 12
