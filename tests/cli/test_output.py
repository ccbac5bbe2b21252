"""`export`, `report` and `calendar` write files through one helper (coach.commands.output):
they must fail the same way, in one line naming the file, and write what they made unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import RunCoach

PLAN = 'schedule:\n  - routine: foot-daily\n    at: "07:30"\n'


@pytest.mark.parametrize(
    ("command", "name"),
    [("export", "out.json"), ("report", "report.md"), ("calendar", "plan.ics")],
)
def test_a_folder_that_does_not_exist_is_one_line_and_exit_1(
    coach: RunCoach, isolated_folders: Path, tmp_path: Path, command: str, name: str
) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text(PLAN)
    target = tmp_path / "missing" / name
    result = coach(command, "-o", str(target))
    assert (result.returncode, result.stderr) == (
        1,
        f"coach: cannot write {target}: No such file or directory\n",
    )
    assert not target.parent.exists()


def test_the_calendar_file_keeps_the_crlf_line_ends_icalendar_requires(
    coach: RunCoach, isolated_folders: Path, tmp_path: Path
) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text(PLAN)
    target = tmp_path / "plan.ics"
    assert coach("calendar", "-o", str(target)).returncode == 0
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
