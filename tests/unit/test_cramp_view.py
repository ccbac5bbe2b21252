"""What the cramp screens show, shaped without Textual: the form's times, keeping a cramp,
the trends' rows, today's tip and the red flags."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach.cramps.diary import CrampDiary
from coach.cramps.guidance import RED_FLAGS
from coach.cramps.records import new_cramp
from coach.cramps.tips import load_tips, tip_of_the_day
from coach.cramps.trends import Comparison, CrampTrends, WeekCount
from coach.cramps.values import CONTEXTS, DURATIONS, FEET, PLACES
from coach.history.store import HistoryStore
from coach.history.when import WhenError
from coach.tui.cramp_view import (
    CONTEXT_LABELS,
    DURATION_LABELS,
    FOOT_LABELS,
    MAX_TREND_BAR,
    NO_CRAMPS,
    OTHER_TIME,
    PLACE_LABELS,
    SEVERITY_LABELS,
    WhenChoice,
    log_cramp,
    logged_line,
    moment_of,
    read_time,
    read_tip,
    red_flag_lines,
    trend_bar_width,
    trend_line,
    trend_rows,
    trends_heading,
    trends_sentence,
    when_choices,
)

NOW = datetime(2026, 5, 14, 18, 0, tzinfo=UTC)


def test_the_view_never_imports_textual() -> None:
    code = "import sys, coach.tui.cramp_view; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize(
    ("labels", "values"),
    [
        (FOOT_LABELS, FEET),
        (PLACE_LABELS, PLACES),
        (DURATION_LABELS, DURATIONS),
        (CONTEXT_LABELS, CONTEXTS),
        (SEVERITY_LABELS, tuple(str(n) for n in range(1, 11))),
    ],
)
def test_every_allowed_value_has_a_label_in_the_diarys_order(
    labels: dict[str, str], values: tuple[str, ...]
) -> None:
    assert tuple(labels) == values


# -- when ----------------------------------------------------------------------------------


def test_the_times_offered_count_back_from_now() -> None:
    choices = when_choices(NOW)
    assert [(c.label, c.moment) for c in choices] == [
        ("now", NOW),
        ("10 min ago", NOW - timedelta(minutes=10)),
        ("30 min ago", NOW - timedelta(minutes=30)),
        ("1 h ago", NOW - timedelta(hours=1)),
        ("last night 03:00", NOW.replace(hour=3)),
        (OTHER_TIME, None),
    ]


def test_the_relief_start_comes_first() -> None:
    started = NOW - timedelta(minutes=7, seconds=30)
    first = when_choices(NOW, relief_start=started)[0]
    assert first == WhenChoice("relief began 17:52", started)


@pytest.mark.parametrize(
    ("clock", "offered"), [("02:59", False), ("03:00", True), ("03:01", True), ("23:00", True)]
)
def test_last_night_is_offered_once_03_00_has_passed(clock: str, offered: bool) -> None:
    hour, minute = map(int, clock.split(":"))
    labels = [c.label for c in when_choices(NOW.replace(hour=hour, minute=minute))]
    assert ("last night 03:00" in labels) is offered


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("17:05", datetime(2026, 5, 14, 17, 5, tzinfo=UTC)),
        ("9:30", datetime(2026, 5, 14, 9, 30, tzinfo=UTC)),
        ("18:00", NOW),
        ("18:01", datetime(2026, 5, 13, 18, 1, tzinfo=UTC)),  # still to come: yesterday's
        (" 23:40 ", datetime(2026, 5, 13, 23, 40, tzinfo=UTC)),
        ("yesterday 08:15", datetime(2026, 5, 13, 8, 15, tzinfo=UTC)),
        ("2026-05-10T07:30+00:00", datetime(2026, 5, 10, 7, 30, tzinfo=UTC)),
    ],
)
def test_a_typed_time_is_the_latest_such_moment_not_after_now(typed: str, moment: datetime) -> None:
    assert read_time(typed, NOW) == moment


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "type the time"),
        ("   ", "type the time"),
        ("25:00", "not a time of day"),
        ("soon", "cannot read the time"),
        ("2026-06-01T07:30+00:00", "in the future"),
    ],
)
def test_a_time_that_cannot_be_read_says_why(typed: str, says: str) -> None:
    with pytest.raises(WhenError, match=says):
        read_time(typed, NOW)


def test_the_moment_is_the_choices_or_else_the_typed_one() -> None:
    earlier = NOW - timedelta(minutes=10)
    assert moment_of(WhenChoice("10 min ago", earlier), "03:00", NOW) == earlier
    assert moment_of(WhenChoice(OTHER_TIME, None), "03:00", NOW) == NOW.replace(hour=3)


# -- keeping a cramp -----------------------------------------------------------------------


def test_logging_keeps_the_cramp_and_the_first_brings_no_notice() -> None:
    result = log_cramp(new_cramp(NOW, foot="left", note="in bed"), NOW)
    assert result.value is not None and result.problem == ""
    assert result.value.record.id is not None
    assert result.value.notice is None
    with HistoryStore.open(create=False) as store:
        [kept] = CrampDiary(store).cramps()
    assert kept == result.value.record


@pytest.mark.parametrize(
    ("days_back", "notice"),
    [((1, 3), True), ((1, 8), False), ((6.9, 6.5), True)],
)
def test_the_third_cramp_within_7_days_brings_the_notice(
    days_back: tuple[float, ...], notice: bool
) -> None:
    with HistoryStore.open() as store:
        CrampDiary(store).add_cramps(new_cramp(NOW - timedelta(days=d)) for d in days_back)
    result = log_cramp(new_cramp(NOW), NOW)
    assert result.value is not None
    assert (result.value.notice is not None) is notice
    if notice:
        assert result.value.notice is not None
        assert "3 cramps in the last 7 days" in result.value.notice


def test_a_failed_log_is_described_not_raised(isolated_folders: Path) -> None:
    (isolated_folders / "data").rmdir()
    (isolated_folders / "data").write_text("not a folder")  # no history can live here
    result = log_cramp(new_cramp(NOW), NOW)
    assert result.value is None
    assert result.problem.startswith("The cramp was not saved: ")


def test_the_logged_line_gives_the_time_and_the_cramp() -> None:
    cramp = new_cramp(NOW.replace(hour=3, minute=10), foot="left", severity=6)
    assert logged_line(cramp) == "03:10 · left calf, 6/10, under a minute, at night in bed"


# -- trends --------------------------------------------------------------------------------


def weeks(*counts: tuple[int, int]) -> list[WeekCount]:
    first = date(2026, 2, 23)
    return [
        WeekCount(first + timedelta(weeks=n), cramps, sessions)
        for n, (cramps, sessions) in enumerate(counts)
    ]


@pytest.mark.parametrize(
    ("width", "bar"), [(40, 12), (56, 20), (76, MAX_TREND_BAR), (200, MAX_TREND_BAR)]
)
def test_the_bars_share_the_width_and_the_lines_fit_it(width: int, bar: int) -> None:
    assert trend_bar_width(width) == bar
    row = trend_rows(weeks((12, 7)), bar)[0]
    assert len("".join(trend_line(row, bar))) <= width
    assert len(trends_heading(bar)) <= width


def test_each_count_is_scaled_to_its_own_busiest_week() -> None:
    rows = trend_rows(weeks((4, 1), (2, 5), (0, 0)), 8)
    assert [row.cramp_bar for row in rows] == ["████████", "████", ""]
    assert [row.session_bar for row in rows] == ["█▋", "████████", ""]
    assert [(row.label, row.cramps, row.sessions) for row in rows] == [
        ("23 Feb", 4, 1),
        ("2 Mar", 2, 5),
        ("9 Mar", 0, 0),
    ]


def test_the_columns_line_up_under_their_headings() -> None:
    bar = 10
    heading = trends_heading(bar)
    line = "".join(trend_line(trend_rows(weeks((3, 2)), bar)[0], bar))
    assert line.index("█") == heading.index("cramps")
    sessions = heading.index("sessions")
    assert line[sessions - 1] == " " and line[sessions] == "█"


def test_the_sentence_invites_a_first_log_when_there_are_no_cramps() -> None:
    comparison = Comparison("no-cramps", 0, None, None, None)
    assert trends_sentence(CrampTrends((), comparison)) == NO_CRAMPS
    recent = Comparison("not-regular-yet", 2, None, None, date(2026, 5, 1))
    assert trends_sentence(CrampTrends((), recent)) == recent.sentence()


# -- tips and red flags --------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2026, 5, 14), date(2026, 5, 15), date(2027, 1, 1)])
def test_the_tip_is_the_one_for_the_day(day: date) -> None:
    tip = read_tip(day)
    assert tip.text == f"Tip: {tip_of_the_day(load_tips().tips, day)}"
    assert tip.problems == ()


def test_a_broken_tips_file_keeps_the_bundled_tips_and_says_what_is_wrong(
    isolated_folders: Path,
) -> None:
    (isolated_folders / "config" / "tips.yaml").write_text("- [not, a, tip]\n")
    tip = read_tip(date(2026, 5, 14))
    assert tip.text.startswith("Tip: ")
    [problem] = tip.problems
    assert "tips.yaml:1:" in problem


def test_the_red_flags_come_most_urgent_first_each_in_a_sentence_pair() -> None:
    lines = red_flag_lines()
    assert [urgency for _, urgency in lines] == [flag.urgency for flag in RED_FLAGS]
    assert lines[0] == (
        "Breathless, or pain or tightness in the chest. This is an emergency: call your"
        " local emergency number now.",
        "emergency",
    )
