"""Bad input of any kind gets one clear line and a plain exit status, never a traceback: the
new-user walk's defects #2 (tracebacks) and #12 (a 74 MB report), run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import RunCoach

#: Longer than any file name a file system takes (255 bytes).
LONG = "a" * 256


def one_line(stderr: str) -> str:
    """The single line a command said on stderr, after checking it said just one."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    "words",
    [
        ("run", LONG, "--plain"),
        ("plan", LONG),
        ("edit", LONG),
        ("path", LONG),
        ("print", LONG, "-o", "out.pdf"),
        ("log", LONG),
        ("new", "mine", "--from", LONG),
        ("history", "--routine", LONG),
    ],
)
def test_a_routine_name_too_long_for_a_file_is_no_routine(
    coach: RunCoach, words: tuple[str, ...]
) -> None:
    """#2a: a name longer than a file name can be raised OSError (Errno 36) where the catalog
    looked for `<name>.yaml`; `history --routine` called it "history could not be used"."""
    result = coach(*words)
    line = one_line(result.stderr)
    assert result.returncode == 1
    assert line.startswith(f"coach: no routine called '{'a' * 40}…'"), line
    assert "coach new" not in line  # no offer to make a routine under an id that cannot be one


def test_validate_names_the_file_it_cannot_read_when_its_name_is_too_long(
    coach: RunCoach,
) -> None:
    """#2a: `coach validate LONG` answers in the PATH:LINE:COL form, not with OSError."""
    result = coach("validate", LONG)
    assert result.returncode == 1
    assert one_line(result.stderr) == f"{LONG}:1:1: cannot read file: File name too long"


@pytest.mark.parametrize(
    "words", [("new", "abc"), ("edit", "foot-daily"), ("new", "x", "--from", "foot-quick")]
)
def test_a_config_folder_that_is_a_file_is_said_in_one_line(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: tuple[str, ...]
) -> None:
    """#2b: COACH_CONFIG_DIR naming a file gave NotADirectoryError from `new` and `edit`; they
    now say it as the app's Duplicate does, and nothing is written."""
    config = tmp_path / "afile"
    config.write_text("not a folder\n")
    monkeypatch.setenv("COACH_CONFIG_DIR", str(config))
    monkeypatch.setenv("EDITOR", "true")
    result = coach(*words)
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"coach: cannot write in your routine folder {config / 'routines'}: Not a directory"
    )
    assert config.read_text() == "not a folder\n"


@pytest.mark.parametrize(
    "words", [("new", "abc"), ("edit", "foot-daily"), ("new", "x", "--from", "foot-quick")]
)
def test_a_routine_folder_that_is_a_file_is_not_a_taken_name(
    coach: RunCoach, user_routines: Path, monkeypatch: pytest.MonkeyPatch, words: tuple[str, ...]
) -> None:
    """Found in #2b's sweep: with `<config>/routines` a file, `coach new abc` said
    "routines/abc.yaml already exists; change it with `coach edit abc`", a file that is not
    there (mkdir's FileExistsError read as the name being taken)."""
    user_routines.rmdir()
    user_routines.write_text("")
    monkeypatch.setenv("EDITOR", "true")
    result = coach(*words)
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"coach: cannot write in your routine folder {user_routines}: Not a directory"
    )


@pytest.mark.parametrize("start", ["0001-01-01", "0001-01-03", "1000-01-01"])
def test_a_report_from_long_ago_starts_at_the_first_record(coach: RunCoach, start: str) -> None:
    """#2c and #12: `--from 0001-01-01` raised OverflowError, `--from 0001-01-03` "year 0 is
    out of range", and `--from 1000-01-01` drew some 53,000 empty weeks (a 74 MB HTML file).
    The report now starts where the records do, and says so."""
    logged = coach("log", "foot-quick", "--at", "2024-03-06T10:00")
    assert logged.returncode == 0, logged.stderr
    result = coach("report", "--from", start, "--json")
    assert result.returncode == 0, result.stderr
    assert one_line(result.stderr) == (
        "coach: nothing is recorded before 2024-03-04: the report starts there"
    )
    figures = json.loads(result.stdout)
    # The Monday of the first record's week, as the weeks are (a review found `from` on the
    # Thursday of a first week that began on the Monday).
    assert figures["from"] == figures["weeks"][0]["week"] == "2024-03-04"
    assert figures["sessions"] == 1


def test_a_long_ago_html_report_stays_small(coach: RunCoach, tmp_path: Path) -> None:
    """#12: the 74 MB file of `coach report --from 1000-01-01 -o r.html`."""
    coach("log", "foot-quick", "--at", "2024-03-06T10:00")
    out = tmp_path / "r.html"
    result = coach("report", "--from", "1000-01-01", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size < 500_000


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (("--from", "0001-01-01", "--to", "0001-01-05"), "--to 0001-01-05 is before 1970"),
        (("--from", "9999-12-31"), "--from 9999-12-31 is in the future"),
    ],
)
def test_report_days_at_the_edges_of_the_calendar_are_refused_plainly(
    coach: RunCoach, words: tuple[str, ...], said: str
) -> None:
    """#2c: the calendar's edges, at either end, give a usage line and exit 2."""
    result = coach("report", *words)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"coach: {said}")


@pytest.mark.parametrize(
    "words",
    [
        ("history",),
        ("stats",),
        ("status",),
        ("cramp", "list"),
        ("cramp", "trends"),
        ("report",),
        ("export", "-o", "backup.json"),
    ],
)
@pytest.mark.parametrize("where", ["through-a-file", "/proc/nope", "name-too-long"])
def test_a_data_folder_that_cannot_be_used_is_not_an_empty_history(
    coach: RunCoach,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    words: tuple[str, ...],
    where: str,
) -> None:
    """#4: with COACH_DATA_DIR=/proc/nope, `history` said "No sessions yet." (exit 0), `stats`,
    `cramp list` and the rest showed nothing, and `export` wrote an empty backup ("Exported 0
    sessions"). Each now says the data folder cannot be used, as `coach log` does, exit 1.
    A name too long to look at raised a traceback from `Path.exists` (a review of the fix)."""
    blocker = tmp_path / "afile"
    blocker.write_text("")
    folder = {
        "through-a-file": blocker / "data",
        "name-too-long": tmp_path / ("a" * 300),
    }.get(where, Path(where))
    monkeypatch.setenv("COACH_DATA_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    result = coach(*words)
    assert result.returncode == 1
    assert one_line(result.stderr).startswith(
        "coach: history is not available: cannot use the data folder: "
    )
    assert result.stdout == ""
    assert not (tmp_path / "backup.json").exists()


def test_a_data_folder_not_made_yet_is_an_empty_history_and_stays_unmade(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#4's other side: a new person's data folder does not exist yet; looking at the history
    finds it empty (exit 0), and trying whether it could be made leaves nothing behind."""
    folder = tmp_path / "fresh" / "coach"
    monkeypatch.setenv("COACH_DATA_DIR", str(folder))
    result = coach("history")
    assert (result.returncode, result.stdout) == (0, "No sessions yet.\n"), result.stderr
    assert not (tmp_path / "fresh").exists()


def test_doctor_says_the_data_folder_cannot_be_used(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#4: `coach doctor` said "no history yet; it will be kept in /proc/nope/history.db"."""
    blocker = tmp_path / "afile"
    blocker.write_text("")
    monkeypatch.setenv("COACH_DATA_DIR", str(blocker / "data"))
    result = coach("doctor", "--no-play")
    assert result.returncode == 1
    assert "FIX   cannot use the data folder: [Errno 20] Not a directory" in result.stdout
    assert "no history yet" not in result.stdout


@pytest.mark.parametrize("gap", ["inf", "1e308", "nan", "-1", "soon"])
def test_doctor_gap_takes_only_a_sensible_pause(coach: RunCoach, gap: str) -> None:
    """Found in #2's sweep of numbers at extremes: `doctor --gap inf` (or 1e308) reached
    time.sleep between cues and raised OverflowError on a machine with sound."""
    result = coach("doctor", "--no-play", f"--gap={gap}")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"coach doctor: error: argument --gap: expected seconds from 0 to 10, got '{gap}'"
    )


def test_a_month_before_anything_was_recorded_stays_that_month(coach: RunCoach) -> None:
    """#12's clamp keeps a short period as asked, even one from before the first record."""
    coach("log", "foot-quick", "--at", "2024-03-06T10:00")
    result = coach("report", "--from", "2023-03-01", "--to", "2023-03-31", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    figures = json.loads(result.stdout)
    assert (figures["from"], figures["to"]) == ("2023-03-01", "2023-03-31")
