"""The weekly plan in the settings (`schedule:`), `daily_routine` as its short form, and the
reminder keys: every mistake one PATH:LINE:COL line, the rest of the plan used."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest

from coach.plan import PlanEntry
from coach.plan.entry import EVERY_DAY
from coach.settings import Settings, load_settings

PLAN = """\
schedule:
  - routine: foot-daily
    days: daily          # every day
    at: 07:30            # unquoted: YAML would read a number; coach reads the time
  - routine: bedtime-calves
    days: [mon, Tuesday, wed, thu, fri, sat, sun]
    at: "22:00"
  - routine: calf-stretch
    days: weekdays
  - routine: long
    days: weekends
  - routine: wednesday
    days: wed
  - routine: mixed
    days: [weekends, Fri]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_schedule_is_read_entry_by_entry(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, PLAN))
    assert settings.problems == ()
    assert settings.plan == (
        PlanEntry("foot-daily", EVERY_DAY, time(7, 30)),
        PlanEntry("bedtime-calves", EVERY_DAY, time(22, 0)),
        PlanEntry("calf-stretch", frozenset(range(5))),
        PlanEntry("long", frozenset({5, 6})),
        PlanEntry("wednesday", frozenset({2})),
        PlanEntry("mixed", frozenset({4, 5, 6})),
    )
    assert settings.plan[0].origin == (str(tmp_path / "settings.yaml"), 2, 14)
    assert [e.days_text() for e in settings.plan] == [
        "daily",
        "daily",
        "weekdays",
        "weekends",
        "wed",
        "fri, sat, sun",
    ]


def test_daily_routine_alone_is_a_plan_of_that_routine_every_day(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "daily_routine: foot-quick\n"))
    assert settings.schedule is None
    assert settings.plan == (PlanEntry("foot-quick", EVERY_DAY),)
    assert Settings().plan == (PlanEntry("foot-daily", EVERY_DAY),)


def test_with_both_the_schedule_wins_and_both_are_known_to_be_given(tmp_path: Path) -> None:
    text = "daily_routine: foot-quick\nschedule:\n  - routine: calf-stretch\n"
    settings = load_settings(write(tmp_path, text))
    assert settings.plan == (PlanEntry("calf-stretch", EVERY_DAY),)
    assert {"daily_routine", "schedule"} <= settings.given


def test_an_empty_schedule_plans_nothing(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, "schedule: []\n")).plan == ()


@pytest.mark.parametrize(
    ("entry", "where", "message", "kept"),
    [
        ("{routine: a, days: [mon, tuseday]}", "2:30",
         "`days` of `schedule` entry 1: 'tuseday' is not a day; use daily, weekdays, weekends"
         " or day names like mon, tue (did you mean \"tuesday\"?)",
         PlanEntry("a", frozenset({0}))),
        ("{routine: a, days: dayly}", "2:24", "'dayly' is not a day", None),
        ("{routine: a, days: []}", "2:24", "must name at least one day", None),
        ("{routine: a, at: '25:00'}", "2:22",
         "`at` of `schedule` entry 1 must be a time of day from 00:00 to 23:59, got '25:00'",
         PlanEntry("a", EVERY_DAY)),
        ("{routine: a, at: 7.30}", "2:22", "got '7.30'", PlanEntry("a", EVERY_DAY)),
        ("{days: daily}", "2:5", "`schedule` entry 1 needs `routine: ID`", None),
        ("{routine: a, dayz: daily}", "2:18",
         "unknown key `dayz` in `schedule` entry 1 (did you mean \"days\"?)",
         PlanEntry("a", EVERY_DAY)),
        ("{routine: [a, b]}", "2:15", "`routine` of `schedule` entry 1 must be a single value",
         None),
        ("just-a-word", "2:5", "`schedule` entry 1 must be a mapping", None),
    ],
)  # fmt: skip
def test_a_bad_entry_is_one_line_at_its_place_and_the_rest_of_the_plan_is_used(
    tmp_path: Path, entry: str, where: str, message: str, kept: PlanEntry | None
) -> None:
    path = write(tmp_path, f"schedule:\n  - {entry}\n  - routine: good\n")
    settings = load_settings(path)
    (problem,) = settings.problems
    assert str(problem).startswith(f"{path}:{where}: "), str(problem)
    assert message in str(problem)
    assert settings.plan == ((kept,) if kept else ()) + (PlanEntry("good", EVERY_DAY),)


def test_a_schedule_that_is_not_a_list_falls_back_to_the_daily_routine(tmp_path: Path) -> None:
    path = write(tmp_path, "daily_routine: foot-quick\nschedule: foot-daily\n")
    settings = load_settings(path)
    assert [str(p) for p in settings.problems] == [
        f"{path}:2:11: `schedule` must be a list (lines starting with `- `)"
    ]
    assert settings.plan == (PlanEntry("foot-quick", EVERY_DAY),)


def test_remind_snooze_and_terminal(tmp_path: Path) -> None:
    text = "remind_snooze: 10m\nterminal: foot --title coach -e {command}\n"
    settings = load_settings(write(tmp_path, text))
    assert (settings.remind_snooze, settings.terminal) == (600.0, "foot --title coach -e {command}")
    assert Settings().remind_snooze == 900.0


def test_a_terminal_without_the_command_placeholder_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "terminal: xterm -e\n")
    settings = load_settings(path)
    assert settings.terminal is None
    assert [str(p) for p in settings.problems] == [
        f"{path}:1:11: `terminal` must hold {{command}} where coach's command goes, got 'xterm -e'"
    ]


def test_the_readmes_settings_examples_read_without_a_problem(tmp_path: Path) -> None:
    """The README shows settings.yaml and the plan; both must be what coach accepts."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    examples = [b for b in blocks if "schedule:" in b or "daily_routine:" in b]
    assert len(examples) >= 2
    for example in examples:
        settings = load_settings(write(tmp_path, example))
        assert settings.problems == (), example
        assert settings.schedule, example
