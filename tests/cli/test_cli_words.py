"""Small inconsistencies of the command line from #17 of the new-user walk, run as a user
would: values starting with a dash, huge --since, -o naming a folder, a missing routine file
said two ways, a multi-line cramp note breaking the table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coach.report.figures import EARLIEST_DAY, since_period
from tests.cli.conftest import RunCoach


def test_since_with_a_dash_reaches_coachs_own_message(coach: RunCoach) -> None:
    """#17: `report --since -3d` stopped at argparse's "expected one argument"."""
    result = coach("report", "--since", "-3d")
    assert result.returncode == 2
    assert result.stderr == (
        "coach: cannot read --since '-3d'; write weeks or days, e.g. 4w or 30d\n"
    )


def test_a_note_may_begin_with_a_dash(coach: RunCoach) -> None:
    """#17's --since fix, for every option whose value may begin with a dash."""
    result = coach("cramp", "log", "--note", "-ouch")
    assert result.returncode == 0, result.stderr
    notes = [c["note"] for c in json.loads(coach("cramp", "list", "--json").stdout)]
    assert notes == ["-ouch"]


@pytest.mark.parametrize("text", ["99999w", "99999d", "9" * 5000 + "d"])
def test_a_huge_since_reaches_back_to_the_earliest_day(text: str) -> None:
    """#17: `--since 99999w` said "cannot read"; it is read, and reaches back no further than
    `--from` can (the report then starts at the first record)."""
    period = since_period(text, date(2024, 6, 6))
    assert period.start == EARLIEST_DAY


def test_a_huge_since_reports_from_the_first_record(coach: RunCoach) -> None:
    coach("log", "foot-quick", "--at", "2024-03-06T10:00")
    result = coach("report", "--since", "99999w", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["from"] == "2024-03-04"  # the Monday of the first record


@pytest.mark.parametrize(
    ("words", "example"),
    [(("report",), "report.pdf"), (("print", "foot-quick"), "handout.pdf")],
)
def test_output_to_a_folder_is_one_line_before_anything_is_made(
    coach: RunCoach, tmp_path: Path, words: tuple[str, ...], example: str
) -> None:
    """#17: `report -o /tmp` said "written as Markdown", then "Is a directory"."""
    result = coach(*words, "-o", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        f"coach: cannot write {tmp_path}: it is a folder; name a file in it,"
        f" e.g. {tmp_path / example}\n"
    )


def test_run_and_validate_say_a_missing_routine_file_alike(
    coach: RunCoach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#17: `run x.yaml` said "no routine file at x.yaml", validate "x.yaml:1:1: cannot read
    file"; both now give validate's PATH:LINE:COL line."""
    monkeypatch.chdir(tmp_path)
    line = "x.yaml:1:1: cannot read file: No such file or directory"
    validated = coach("validate", "x.yaml")
    assert (validated.returncode, validated.stderr) == (1, f"{line}\n")
    run = coach("run", "x.yaml", "--plain")
    assert (run.returncode, run.stderr) == (1, f"coach: {line}\n")


def test_a_note_of_several_lines_is_one_row_of_the_cramp_list(coach: RunCoach) -> None:
    """#17: a cramp note with a newline broke the `cramp list` table."""
    coach("cramp", "log", "--note", "woke at 3\n\nstretched it\x1b[2J")
    rows = coach("cramp", "list").stdout.split("\n\n")[0].splitlines()
    assert len(rows) == 2
    assert rows[1].endswith("woke at 3 / stretched it[2J")
    notes = [c["note"] for c in json.loads(coach("cramp", "list", "--json").stdout)]
    assert notes[0].startswith("woke at 3\n")  # kept as written


def test_words_after_a_double_dash_are_left_as_written() -> None:
    """Review of the dash values: after `--` every word is an operand, so none is joined."""
    from coach.cli import _dash_values

    assert _dash_values(["cramp", "log", "--note", "-x left"]) == [
        "cramp", "log", "--note=-x left"
    ]  # fmt: skip
    assert _dash_values(["log", "--", "--note", "-x"]) == ["log", "--", "--note", "-x"]
