"""The check-in on the Finished screen: two keys to answer, Enter saves, Esc skips."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from driving import settle
from functional.history_kit import (
    NOW,
    TODAY,
    at,
    daily_session,
    do_the_daily,
    history_app,
    line,
    open_screen,
    seed,
)

from coach.cramps.diary import CrampDiary
from coach.cramps.records import new_cramp
from coach.history.checkins import PAIN_ADVICE, CheckIn
from coach.history.store import HistoryStore
from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.checkin_view import NO_CHECKINS
from coach.tui.screens.cramp_log import CrampLogScreen, CrampNoticeScreen
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.widgets.checkin import CRAMP_OFFER, CheckInForm
from coach.tui.widgets.text_line import TextLine


def checkin_app(root: Path, **options: Any) -> CoachApp:
    """The tests' app on a fake clock, so a session's work can be done, not skipped."""
    return history_app(root, record_history=True, clock=FakeClock(), **options)


async def finish_daily(app: CoachApp, *keys: str) -> None:
    """Start today's routine, do it to the end, then press `keys` on the Finished screen."""
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert app.screen.query(CheckInForm)
        await pilot.press(*keys)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), app.screen


def checkins() -> list[CheckIn | None]:
    with HistoryStore.open(create=False) as store:
        return [store.checkin_of(s.id or 0) for s in store.sessions(newest_first=False)]


async def test_two_keys_answer_and_go_home(root: Path) -> None:
    await finish_daily(checkin_app(root), "2", "enter")
    [checkin] = checkins()
    assert checkin == CheckIn("right", None, None, NOW)


async def test_feeling_pain_and_note_are_kept(root: Path) -> None:
    keys = ("3", "tab", "1", "0", "tab", *"calf tight", "enter")
    await finish_daily(checkin_app(root), *keys)
    assert checkins() == [CheckIn("hard", 10, "calf tight", NOW)]


async def test_tab_after_a_feeling_goes_to_the_pain(root: Path) -> None:
    """A new user's walk: `2` Tab `5` Enter kept note "5" and no pain, because choosing a
    feeling had already moved on to the pain field. The hint says Tab moves on; only Tab does."""
    await finish_daily(checkin_app(root), "2", "tab", "5", "enter")
    assert checkins() == [CheckIn("right", 5, None, NOW)]


async def test_pain_takes_only_0_to_10(root: Path) -> None:
    await finish_daily(checkin_app(root), "tab", "1", "1", "x", "enter")
    assert checkins() == [CheckIn(None, 1, None, NOW)]


async def test_escape_skips_and_enter_without_answers_saves_nothing(root: Path) -> None:
    await finish_daily(checkin_app(root), "3", "escape")
    await finish_daily(checkin_app(root), "enter")
    assert checkins() == [None, None]


async def test_no_checkin_never_asks(root: Path) -> None:
    app = checkin_app(root, ask_checkin=False)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert not app.screen.query(CheckInForm)


async def test_a_cramp_log_is_offered_only_when_none_was_logged_today(root: Path) -> None:
    app = checkin_app(root)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert line(app.screen, "#cramp-offer") == CRAMP_OFFER
    with HistoryStore.open() as store:
        CrampDiary(store).log(new_cramp(NOW.replace(hour=3)))
    app = checkin_app(root)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert line(app.screen, "#cramp-offer") == ""


async def test_pain_of_7_twice_in_a_row_is_said_once_calmly(root: Path) -> None:
    await finish_daily(checkin_app(root), "tab", "7", "enter")
    app = checkin_app(root)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        await pilot.press("tab", "8", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CrampNoticeScreen)
        assert app.screen.notice == PAIN_ADVICE
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    # A third painful session: still true, but it was said already.
    await finish_daily(checkin_app(root), "tab", "9", "enter")
    assert [c.pain for c in checkins() if c] == [7, 8, 9]


async def test_stats_shows_feeling_and_pain_per_week_and_the_calm_word(root: Path) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        weeks = app.screen.query_one("#checkin-weeks", TextLine).text.splitlines()
        assert len(weeks) == 12
        assert weeks[-1] == "11 May  3 sessions · 2 hard · pain 6.7 on average, 8 at most"
        assert weeks[-2] == "4 May   1 session · 0 hard · pain 1.0 on average, 1 at most"
        assert weeks[-3] == "27 Apr  —"
        assert line(app.screen, "#pain-advice") == PAIN_ADVICE


async def test_stats_without_check_ins_invites_one(root: Path) -> None:
    seed([daily_session(at(TODAY))])
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        assert line(app.screen, "#checkin-weeks") == NO_CHECKINS
        assert line(app.screen, "#pain-advice") == ""


async def test_c_logs_a_cramp_from_the_check_in_too(root: Path) -> None:
    """The offer says `c`; the pain field must not swallow it once a feeling is chosen."""
    app = checkin_app(root)
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        await pilot.press("2", "c")
        await settle(pilot)
        assert isinstance(app.screen, CrampLogScreen)


async def test_a_session_of_only_skipped_steps_asks_nothing(root: Path) -> None:
    """Every step skipped to the end used to ask "How did it feel?", and its answer then fed
    progression holds and the pain alert with no work behind it."""
    app = checkin_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t", "n", "n", "n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert not app.screen.query(CheckInForm)
