"""The report's figures (`coach report --json`) against histories counted by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest

from coach.history.store import HistoryStore
from coach.plan import PlanEntry
from coach.report.figures import (
    Period,
    PeriodError,
    Report,
    build_report,
    dated_period,
    default_period,
    since_period,
)

from .history import NOW, SCRIPT_NOTE, TODAY, cramp, daily, four_weeks, moment, session

EVERY_DAY = frozenset(range(7))
DAILY = [PlanEntry("foot-daily", EVERY_DAY)]


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    with HistoryStore.in_memory() as store:
        yield store


def report(
    store: HistoryStore, entries: list[PlanEntry] = DAILY, period: Period | None = None
) -> Report:
    return build_report(store, period or default_period(TODAY), NOW, entries, {})


def test_default_period_is_four_full_weeks_and_this_one() -> None:
    period = default_period(TODAY)  # Thursday 6 June 2024
    assert (period.start, period.end) == (date(2024, 5, 6), TODAY)
    assert period.weeks() == [date(2024, 5, 6 + 7 * n) for n in range(4)] + [date(2024, 6, 3)]


@pytest.mark.parametrize(
    ("text", "start"),
    [("4w", date(2024, 5, 6)), ("1w", date(2024, 5, 27)), ("10d", date(2024, 5, 28))],
)
def test_since(text: str, start: date) -> None:
    assert since_period(text, TODAY) == Period(start, TODAY)


@pytest.mark.parametrize("text", ["", "0w", "4", "four weeks", "4m", "-2w"])
def test_since_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(PeriodError, match="--since"):
        since_period(text, TODAY)


def test_dated_period_checks_its_days() -> None:
    assert dated_period("2024-05-01", None, TODAY) == Period(date(2024, 5, 1), TODAY)
    with pytest.raises(PeriodError, match="--from '1 May' is not a date"):
        dated_period("1 May", None, TODAY)
    with pytest.raises(PeriodError, match="before --from"):
        dated_period("2024-05-10", "2024-05-01", TODAY)
    with pytest.raises(PeriodError, match="in the future"):
        dated_period("2024-05-10", "2024-06-07", TODAY)


def test_four_weeks_of_daily_use(store: HistoryStore) -> None:
    four_weeks(store)
    figures = report(store).to_json()
    assert (figures["from"], figures["to"]) == ("2024-05-06", "2024-06-06")
    assert figures["weeks"] == [
        {"week": "2024-05-06", "planned": 7, "completed": 6, "pain_mean": 4.0, "cramps": 1},
        {"week": "2024-05-13", "planned": 7, "completed": 6, "pain_mean": None, "cramps": 0},
        {"week": "2024-05-20", "planned": 7, "completed": 6, "pain_mean": None, "cramps": 1},
        {"week": "2024-05-27", "planned": 7, "completed": 6, "pain_mean": None, "cramps": 0},
        {"week": "2024-06-03", "planned": 4, "completed": 4, "pain_mean": 8.0, "cramps": 1},
    ]
    # 28 whole sessions, plus the partial one: its steps count, done or skipped.
    assert figures["exercises"] == [
        {
            "name": "Ankle circles",
            "side": None,
            "done": 29,
            "skipped": 0,
            "planned_s": 870.0,
            "actual_s": 860.0,
        },
        {
            "name": "Calf stretch",
            "side": "left",
            "done": 28,
            "skipped": 1,
            "planned_s": 870.0,
            "actual_s": 845.0,
        },
        {
            "name": "Calf stretch",
            "side": "right",
            "done": 28,
            "skipped": 0,
            "planned_s": 840.0,
            "actual_s": 840.0,
        },
    ]
    # Every session started in the period: 28 whole, 1 partial, 1 logged (not 5 May's).
    assert figures["sessions"] == 30
    cramps = figures["cramps"]
    assert (cramps["total"], cramps["night"]) == (3, 2)
    assert [c["at"][:16] for c in cramps["entries"]] == [
        "2024-05-07T23:30",
        "2024-05-21T14:00",
        "2024-06-04T03:10",
    ]
    assert cramps["entries"][0]["note"] == SCRIPT_NOTE
    assert set(cramps["entries"][0]) == {
        "id",
        "uid",
        "at",
        "foot",
        "where",
        "severity",
        "duration",
        "context",
        "note",
    }


def test_check_ins_per_week_and_their_notes(store: HistoryStore) -> None:
    four_weeks(store)
    figures = report(store)
    assert figures.has_checkins
    weeks = [w.checkins for w in figures.weeks]
    assert [(c.sessions, c.hard, c.pain_mean, c.pain_max) for c in weeks if c] == [
        (2, 1, 4.0, 6),
        (0, 0, None, None),
        (1, 0, None, None),
        (0, 0, None, None),
        (1, 1, 8.0, 8),
    ]
    # 5 May's note is outside the period; check-ins without a note are not notes.
    assert [(n.day, n.feeling, n.pain, n.note) for n in figures.notes] == [
        (date(2024, 5, 7), "hard", 6, "calf tight & sore <b>after</b>"),
        (date(2024, 5, 21), "easy", None, "felt good"),
    ]


def test_the_cramp_chart_sets_completed_sessions_beside_cramps(store: HistoryStore) -> None:
    four_weeks(store)
    weeks = report(store).weeks
    # Week 2 adds the logged `bedtime-calves` session (done away from coach) but not the
    # partial one.
    assert [w.sessions for w in weeks] == [6, 7, 6, 6, 4]


def test_days_with_nothing_planned_are_not_counted(store: HistoryStore) -> None:
    four_weeks(store)
    weekdays = [PlanEntry("foot-daily", frozenset(range(5)), time(7, 30))]
    weeks = report(store, weekdays).to_json()["weeks"]
    # Saturdays' sessions are done but were not planned; Sundays were neither.
    assert [(w["planned"], w["completed"]) for w in weeks] == [(5, 5)] * 4 + [(4, 4)]


def test_two_routines_a_day_and_one_of_them_missed(store: HistoryStore) -> None:
    monday = date(2024, 6, 3)
    store.add_sessions([session(moment(monday, 8), daily(moment(monday, 8)))])
    plan = [PlanEntry("foot-daily", EVERY_DAY), PlanEntry("bedtime-calves", frozenset({0}))]
    period = Period(monday, monday + timedelta(days=2))
    weeks = report(store, plan, period).to_json()["weeks"]
    assert weeks == [
        {"week": "2024-06-03", "planned": 4, "completed": 1, "pain_mean": None, "cramps": 0}
    ]


def test_a_partial_session_does_not_complete_the_plan(store: HistoryStore) -> None:
    day = date(2024, 6, 4)
    start = moment(day, 8)
    store.add_sessions([session(start, daily(start)[:1], status="partial")])
    weeks = report(store, period=Period(day, day)).to_json()["weeks"]
    assert (weeks[0]["planned"], weeks[0]["completed"]) == (1, 0)


def test_nothing_counts_as_planned_before_the_first_session(store: HistoryStore) -> None:
    start = moment(date(2024, 6, 5), 8)
    store.add_sessions([session(start, daily(start))])
    weeks = report(store).to_json()["weeks"]
    assert [(w["planned"], w["completed"]) for w in weeks] == [(0, 0)] * 4 + [(2, 1)]


def test_cramps_keep_their_own_local_day(store: HistoryStore) -> None:
    """A cramp at 00:30 local time (23:30 UTC the day before) counts on its own date."""
    from coach.cramps.diary import CrampDiary

    CrampDiary(store).add_cramps(
        [
            cramp(moment(date(2024, 5, 6), 0, 30), "night"),  # first minutes of the period
            cramp(moment(date(2024, 5, 5), 23, 59), "night"),  # the day before it
        ]
    )
    cramps = report(store).to_json()["cramps"]
    assert (cramps["total"], cramps["night"]) == (1, 1)
    assert cramps["entries"][0]["at"].startswith("2024-05-06T00:30")


def test_empty_history(store: HistoryStore) -> None:
    figures = report(store)
    assert figures.to_json() == {
        "from": "2024-05-06",
        "to": "2024-06-06",
        "weeks": [
            {"week": week, "planned": 0, "completed": 0, "pain_mean": None, "cramps": 0}
            for week in ("2024-05-06", "2024-05-13", "2024-05-20", "2024-05-27", "2024-06-03")
        ],
        "exercises": [],
        "cramps": {"total": 0, "night": 0, "entries": []},
        "sessions": 0,
    }
    assert not figures.has_checkins
    assert figures.notes == ()


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_every_section_is_drawn_in_every_format(store: HistoryStore, fmt: str) -> None:
    """In this process, so the words of each section are measured by coverage too."""
    from coach.report.documents import make_report, render
    from coach.routine.catalog import Catalog
    from coach.settings import Settings

    four_weeks(store)
    drawn = render(
        make_report(store, default_period(TODAY), NOW, Settings(), Catalog.default()), fmt
    )
    if isinstance(drawn, bytes):
        from .documents import pdf_text

        drawn = pdf_text(drawn)[1]
    for title in ("Plan", "Adherence per week", "Exercises done", "Feeling and pain"):
        assert title in drawn
    for title in ("Cramp diary", "Warning signs", "About this record", "28 of 32 (88%)"):
        assert title in drawn


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_an_empty_history_says_so_in_every_format(store: HistoryStore, fmt: str) -> None:
    from coach.report import words
    from coach.report.documents import render

    drawn = render(report(store, []), fmt)
    if isinstance(drawn, bytes):
        from .documents import pdf_text

        drawn = pdf_text(drawn)[1]
    from html import escape

    for line in (words.NO_PLAN, words.NO_ADHERENCE, words.NO_EXERCISES, words.NO_CHECKINS):
        assert (escape(line) if fmt == "html" else line) in drawn
    assert words.NO_CRAMPS in drawn
    assert "<svg" not in drawn  # no empty charts
