"""`coach calendar` writes the plan as iCalendar: parsed back with icalendar, field by field,
with the recurrence expanded across a daylight-saving change."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from coach import text
from coach.remind.ical import local_zone
from coach.routine.catalog import Catalog
from coach.routine.timeline import expand
from tests.cli.conftest import RunCoach

PLAN = """\
schedule:
  - routine: foot-daily
    days: [mon, wed, fri]
    at: 07:30
  - routine: bedtime-calves
    at: "22:00"
  - routine: foot-quick
"""
BERLIN = ZoneInfo("Europe/Berlin")


def planned_length(routine_id: str) -> timedelta:
    """The bundled routine's planned length, as the calendar should give it."""
    routine = Catalog.default().find(routine_id).routine
    assert routine is not None
    return timedelta(seconds=round(expand(routine).total_s))


def write_calendar(folders: Path, tmp_path: Path, zone: str = "Europe/Berlin") -> Path:
    (folders / "config" / "settings.yaml").write_text(PLAN)
    out = tmp_path / "plan.ics"
    done = subprocess.run(
        [sys.executable, "-m", "coach", "calendar", "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": zone},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"Wrote 2 events to {out}.",
        "coach: left out, having no time of day (`at:`): foot-quick",
    ]
    return out


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_each_timed_entry_is_a_recurring_event_with_an_alarm(
    isolated_folders: Path, tmp_path: Path
) -> None:
    path = write_calendar(isolated_folders, tmp_path)
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["version"]) == "2.0"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = events(path)
    assert sorted(found) == ["Bedtime calf stretches", "Daily foot care"]

    feet = found["Daily foot care"]
    start = feet.decoded("dtstart")
    assert (start.time(), str(start.tzinfo)) == (time(7, 30), "Europe/Berlin")
    assert start.weekday() in (0, 2, 4)
    assert date.today() <= start.date() < date.today() + timedelta(days=7)
    rule = feet["rrule"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["MO", "WE", "FR"])
    assert feet.decoded("duration") == planned_length("foot-daily")
    lines = str(feet["description"]).splitlines()
    seconds = planned_length("foot-daily").total_seconds()
    assert lines[0] == f"Daily foot care: {text.length(seconds)}"
    assert any(line.startswith("- Marble pickup: ") for line in lines)
    assert lines[-1] == "Start it with: coach run foot-daily"
    assert str(feet["uid"]) == "coach-foot-daily-1@coach.plan"
    (alarm,) = feet.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(0)

    night = found["Bedtime calf stretches"]
    assert night["rrule"]["FREQ"] == ["DAILY"]
    assert night.decoded("dtstart").time() == time(22, 0)
    assert night.decoded("duration") == planned_length("bedtime-calves")


def test_the_recurrence_keeps_local_time_across_daylight_saving(
    isolated_folders: Path, tmp_path: Path
) -> None:
    feet = events(write_calendar(isolated_folders, tmp_path))["Daily foot care"]
    start = feet.decoded("dtstart")
    rule = rrulestr(feet["rrule"].to_ical().decode(), dtstart=start)
    occurrences = list(rule.between(start, start + timedelta(days=366), inc=True))
    assert len(occurrences) >= 150
    assert {o.weekday() for o in occurrences} == {0, 2, 4}
    assert {o.astimezone(BERLIN).time() for o in occurrences} == {time(7, 30)}
    offsets = {o.astimezone(BERLIN).utcoffset() for o in occurrences}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # winter and summer time


def test_to_standard_output_by_default(coach: RunCoach, isolated_folders: Path) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text(PLAN)
    result = coach("calendar")
    assert result.returncode == 0
    assert "BEGIN:VEVENT" in result.stdout and "SUMMARY:Daily foot care" in result.stdout


def test_a_plan_without_times_writes_nothing(coach: RunCoach, isolated_folders: Path) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text("schedule:\n  - routine: x\n")
    result = coach("calendar")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("coach: nothing in the plan has a time")


@pytest.mark.parametrize(
    ("env", "files", "expected"),
    [
        ({"TZ": ":Europe/Paris"}, {}, "Europe/Paris"),
        ({}, {"etc/timezone": "America/New_York\n"}, "America/New_York"),
        ({"TZ": "Not/AZone"}, {"etc/timezone": "Asia/Tokyo\n"}, "Asia/Tokyo"),
        ({}, {}, None),
    ],
)
def test_the_local_zone_has_a_name_or_times_float(
    tmp_path: Path, env: dict[str, str], files: dict[str, str], expected: str | None
) -> None:
    for name, body in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)
    zone = local_zone(env, tmp_path)
    assert (zone.key if zone is not None else None) == expected


def test_the_localtime_link_names_the_zone(tmp_path: Path) -> None:
    zoneinfo = tmp_path / "usr/share/zoneinfo/Europe"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Lisbon").write_bytes(b"TZif")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/localtime").symlink_to(zoneinfo / "Lisbon")
    zone = local_zone({}, tmp_path)
    assert zone is not None and zone.key == "Europe/Lisbon"
    assert datetime(2024, 7, 1, tzinfo=zone).utcoffset() == timedelta(hours=1)
