"""The cramp form, opened with `c` from any screen, driven by keys over the test's own diary.

The app is told a fixed wall-clock time, so the times the form offers and the cramps it keeps
never depend on when the tests run. What was kept is read back through `CrampDiary` from the
test's own data folder. The helpers here are shared with the other cramp tests and snapshots.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from functional.driving import advance, session_of, settle
from functional.history_kit import NOW, history_app
from textual.pilot import Pilot
from textual.widgets import Input

from coach.cramps.diary import CrampDiary
from coach.cramps.guidance import WHEN_TO_SEE_A_DOCTOR
from coach.cramps.records import CrampRecord, new_cramp
from coach.history.database import HistoryUnavailable
from coach.history.store import HistoryStore, history_path
from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.screens.cramp_log import ChoiceRow, CrampLogScreen, CrampNoticeScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.screens.stats import StatsScreen
from coach.tui.widgets.text_line import TextLine


def cramp_app(root: Path, now: datetime = NOW, **options: Any) -> CoachApp:
    """The tests' app, told that it is `now`."""
    return history_app(root, wall_clock=lambda: now, **options)


def seed_cramps(*records: CrampRecord) -> None:
    with HistoryStore.open() as store:
        CrampDiary(store).add_cramps(records)


def kept() -> list[CrampRecord]:
    """Every cramp in the test's diary, oldest first; none when there is no history at all."""
    if not history_path().exists():
        return []
    with HistoryStore.open(create=False) as store:
        return CrampDiary(store).cramps(newest_first=False)


def form_of(app: CoachApp) -> CrampLogScreen:
    screen = app.screen
    assert isinstance(screen, CrampLogScreen), f"expected the cramp form, got {screen!r}"
    return screen


def answers(app: CoachApp) -> dict[str, str]:
    """What each row of the open form has chosen."""
    return {row.id or "": row.value for row in form_of(app).query(ChoiceRow)}


def notices(app: CoachApp, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]


async def keys(pilot: Pilot[object], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
    await settle(pilot)


# -- two keys ------------------------------------------------------------------------------


@pytest.mark.parametrize("save", ["enter", "ctrl+s"])
async def test_c_then_enter_logs_a_cramp_now_with_the_defaults(root: Path, save: str) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c")
        assert answers(app) == {
            "when": "now",
            "foot": "both",
            "where": "calf",
            "severity": "5",
            "duration": "under-1-min",
            "context": "other",  # 18:00
        }
        await keys(pilot, save)
        assert isinstance(app.screen, HomeScreen)
        [cramp] = kept()
        assert cramp.moment == NOW
        assert (cramp.foot, cramp.where, cramp.severity) == ("both", "calf", 5)
        assert (cramp.duration, cramp.context, cramp.note) == ("under-1-min", "other", None)
        assert notices(app, "Cramp logged") == ["18:00 · calf, both feet, 5/10, under a minute"]


@pytest.mark.parametrize(
    ("clock", "context"),
    [("23:30", "night"), ("06:59", "night"), ("07:00", "other"), ("20:59", "other")],
)
async def test_the_default_context_follows_the_time_of_day(
    root: Path, clock: str, context: str
) -> None:
    hour, minute = map(int, clock.split(":"))
    app = cramp_app(root, NOW.replace(hour=hour, minute=minute))
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "enter")
        assert [c.context for c in kept()] == [context]


async def test_escape_writes_nothing(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "right", "down", "down", "left")
        await keys(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert kept() == []
        assert not history_path().exists()  # the history was not even opened to write
        assert notices(app, "Cramp logged") == []


async def test_c_inside_the_form_opens_no_second_form(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "c")
        assert sum(isinstance(s, CrampLogScreen) for s in app.screen_stack) == 1


# -- every answer --------------------------------------------------------------------------


async def test_the_full_form_keeps_every_answer(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c")
        await keys(pilot, "right", "right", "right")  # when: 1 h ago
        await keys(pilot, "down", "down", "left")  # past the time; foot: right
        await keys(pilot, "down", "left")  # where: heel
        await keys(pilot, "down", "right", "right", "right")  # how bad: 8
        await keys(pilot, "down", "right")  # how long: 1 to 10 minutes
        await keys(pilot, "down", "left")  # context: standing
        assert answers(app) == {
            "when": "1 h ago",
            "foot": "right",
            "where": "heel",
            "severity": "8",
            "duration": "1-10-min",
            "context": "standing",
        }
        await keys(pilot, "down", *"after a long walk")
        await keys(pilot, "enter")  # in the note: Enter saves too
        assert isinstance(app.screen, HomeScreen)
        [cramp] = kept()
        assert cramp.moment == NOW - timedelta(hours=1)
        assert (cramp.foot, cramp.where, cramp.severity) == ("right", "heel", 8)
        assert (cramp.duration, cramp.context) == ("1-10-min", "standing")
        assert cramp.note == "after a long walk"


async def test_last_night_sets_the_context_to_night_until_it_is_chosen_by_hand(
    root: Path,
) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "right", "right", "right", "right")
        assert answers(app)["when"] == "last night 03:00"
        assert answers(app)["context"] == "night"
        await keys(pilot, "left")  # 1 h ago: daytime again
        assert answers(app)["context"] == "other"
        await keys(pilot, *["tab"] * 6, "left", "left")  # context: sitting
        assert answers(app)["context"] == "sitting"
        await keys(pilot, *["shift+tab"] * 6, "right")  # back to when: last night
        assert answers(app)["when"] == "last night 03:00"
        assert answers(app)["context"] == "sitting"  # chosen by hand: it stays
        await keys(pilot, "enter")
        [cramp] = kept()
        assert cramp.moment == datetime(2026, 5, 14, 3, 0, tzinfo=UTC)
        assert cramp.context == "sitting"


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("17:05", datetime(2026, 5, 14, 17, 5, tzinfo=UTC)),  # earlier today
        ("23:40", datetime(2026, 5, 13, 23, 40, tzinfo=UTC)),  # still to come: last night
        ("yesterday 08:15", datetime(2026, 5, 13, 8, 15, tzinfo=UTC)),
    ],
)
async def test_a_typed_time_is_earlier_today_or_last_night(
    root: Path, typed: str, moment: datetime
) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "down", *typed)
        assert answers(app)["when"] == "other time"
        await keys(pilot, "enter")
        [cramp] = kept()
        assert cramp.moment == moment


async def test_a_typed_night_time_sets_the_context_to_night(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "down", *"02:30")
        assert answers(app)["context"] == "night"


@pytest.mark.parametrize("typed", ["25:99", "soon", ""])
async def test_a_time_that_cannot_be_read_keeps_the_form_open_and_says_why(
    root: Path, typed: str
) -> None:
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c")
        await keys(pilot, *(["left"] if not typed else ["down", *typed]))  # other time
        await keys(pilot, "ctrl+s")
        form = form_of(app)
        assert form.query_one("#form-problem", TextLine).text != ""
        assert app.focused is form.query_one("#time", Input)
        assert kept() == []


async def test_a_save_that_fails_says_why_and_the_form_can_try_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> HistoryStore:
        raise HistoryUnavailable("the disk is full")

    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        with monkeypatch.context() as patch:
            patch.setattr(HistoryStore, "open", unavailable)
            await keys(pilot, "c", "enter")
            problem = form_of(app).query_one("#form-problem", TextLine).text
            assert problem == "The cramp was not saved: the disk is full"
        await keys(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        assert len(kept()) == 1


# -- the notice ----------------------------------------------------------------------------


def earlier(days: float, **fields: Any) -> CrampRecord:
    return new_cramp(NOW - timedelta(days=days), **fields)


async def test_the_third_cramp_in_a_week_brings_a_calm_notice(root: Path) -> None:
    seed_cramps(earlier(2), earlier(5))
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "enter")
        screen = app.screen
        assert isinstance(screen, CrampNoticeScreen)
        text = screen.query_one("#notice-text", TextLine).text
        assert text.startswith("Your diary shows 3 cramps in the last 7 days.")
        assert WHEN_TO_SEE_A_DOCTOR in text
        assert len(kept()) == 3
        await keys(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


async def test_two_cramps_in_a_week_bring_no_notice(root: Path) -> None:
    seed_cramps(earlier(9), earlier(5))  # the first is more than 7 days ago
    app = cramp_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await keys(pilot, "c", "enter")
        assert isinstance(app.screen, HomeScreen)
        assert len(kept()) == 3


# -- over other screens --------------------------------------------------------------------


async def start_daily(pilot: Pilot[object], clock: FakeClock) -> SessionScreen:
    await settle(pilot)
    await keys(pilot, "t")
    await advance(pilot, clock, 3.0)  # past the prepare, a second into the heel hold
    return session_of(pilot.app)


@pytest.mark.parametrize(("close", "logged"), [("escape", 0), ("enter", 1)])
async def test_c_during_a_session_pauses_it_while_the_form_is_open(
    root: Path, clock: FakeClock, close: str, logged: int
) -> None:
    app = cramp_app(root, clock=clock)
    async with app.run_test() as pilot:
        session = await start_daily(pilot, clock)
        elapsed = session.engine.session_elapsed()
        await keys(pilot, "c")
        assert isinstance(app.screen, CrampLogScreen)
        assert session.engine.paused
        clock.advance(120.0)  # the form stays open two minutes
        await keys(pilot, close)
        assert app.screen is session
        assert not session.engine.paused
        assert session.engine.session_elapsed() == pytest.approx(elapsed)
        assert session.engine.current is not None
        assert session.engine.current.name == "Heel hold"
        assert len(kept()) == logged


async def test_a_cramp_logged_during_a_session_is_during_or_after_exercise(
    root: Path, clock: FakeClock
) -> None:
    """Bug #11: `c` in a session offered "at night in bed" (or "other") as the context."""
    app = cramp_app(root, clock=clock)
    async with app.run_test() as pilot:
        await start_daily(pilot, clock)
        await keys(pilot, "c")
        assert answers(app)["context"] == "exercise"
        await keys(pilot, "enter")
        [cramp] = kept()
        assert cramp.context == "exercise"
        await keys(pilot, "q", "y", "enter")  # stop it, and back home
        await keys(pilot, "c")
        assert answers(app)["context"] != "exercise"


async def test_a_session_paused_before_the_form_stays_paused_after_it(
    root: Path, clock: FakeClock
) -> None:
    app = cramp_app(root, clock=clock)
    async with app.run_test() as pilot:
        session = await start_daily(pilot, clock)
        await keys(pilot, "space", "c")
        await keys(pilot, "escape")
        assert app.screen is session
        assert session.engine.paused


async def test_a_notice_over_a_session_keeps_it_paused_until_it_is_read(
    root: Path, clock: FakeClock
) -> None:
    seed_cramps(earlier(1), earlier(2))
    app = cramp_app(root, clock=clock)
    async with app.run_test() as pilot:
        session = await start_daily(pilot, clock)
        await keys(pilot, "c", "enter")
        assert isinstance(app.screen, CrampNoticeScreen)
        assert session.engine.paused
        await keys(pilot, "enter")
        assert app.screen is session
        assert not session.engine.paused


async def test_c_on_stats_logs_and_the_trends_count_it(root: Path) -> None:
    app = cramp_app(root)
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        await keys(pilot, "s")
        sentence = app.screen.query_one("#cramp-trends-sentence", TextLine)
        assert sentence.text == "No cramps logged yet. Press c to log one."
        await keys(pilot, "c", "enter")
        assert isinstance(app.screen, StatsScreen)
        assert sentence.text.startswith("1 cramp in the last 4 weeks.")
        assert len(kept()) == 1
