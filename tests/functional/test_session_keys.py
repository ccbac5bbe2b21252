"""Every key of the session screen, with the fake clock moved by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from driving import advance, session_of, settle
from sample_routines import make_test_app
from textual.widgets import Footer

from coach.audio.backend import RecordingBackend
from coach.session.clock import FakeClock
from coach.session.engine import SegmentEnded
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.finished import FinishedScreen
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.ready_footer import KeyLine
from coach.tui.widgets.text_line import TextLine


async def test_space_pauses_freezes_the_engine_and_resumes(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await advance(pilot, clock, 1)
        await pilot.press("space")
        assert screen.engine.paused
        assert screen.has_class("-paused")
        assert screen.query_one("#paused-banner").display
        left = screen.engine.remaining()
        await advance(pilot, clock, 30)
        assert screen.engine.remaining() == left
        assert screen.engine.current is not None and screen.engine.current.kind == "prepare"
        assert screen.query_one(Countdown).seconds == 2
        await pilot.press("space")
        assert not screen.engine.paused
        assert not screen.has_class("-paused")
        assert not screen.query_one("#paused-banner").display
        await advance(pilot, clock, 2)
        assert screen.engine.current is not None and screen.engine.current.kind == "work"


@pytest.mark.parametrize("key", ["n", "right"])
async def test_skip_ends_the_segment_as_skipped(root: Path, clock: FakeClock, key: str) -> None:
    seen: list[object] = []
    app = make_test_app(
        root, clock=clock, start="stretch", session_listeners=lambda r, t: [seen.append]
    )
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await pilot.press(key)
        assert screen.engine.index == 1
        ended = [e for e in seen if isinstance(e, SegmentEnded)]
        assert [(e.segment.kind, e.status) for e in ended] == [("prepare", "skipped")]
        assert screen.query_one("#stage", TextLine).text == "GO"


@pytest.mark.parametrize("key", ["p", "left"])
async def test_back_restarts_or_goes_to_the_previous_exercise(
    root: Path, clock: FakeClock, key: str
) -> None:
    app = make_test_app(root, clock=clock, start="daily")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await pilot.press("n", "n")  # into the second exercise's prepare
        assert screen.engine.index == 2
        await advance(pilot, clock, 1.5)
        await pilot.press(key)  # early in it: back to the previous exercise
        assert screen.engine.index == 0
        await advance(pilot, clock, 1.8)
        await pilot.press("n")
        await advance(pilot, clock, 4)
        await pilot.press(key)  # well into it: the same segment from its start
        assert screen.engine.index == 1
        assert screen.engine.elapsed() == 0


async def test_r_restarts_the_segment(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await advance(pilot, clock, 3)  # prepare over: working the left side
        await advance(pilot, clock, 5)
        assert screen.query_one(Countdown).seconds == 3
        await pilot.press("r")
        assert screen.engine.index == 1
        assert screen.engine.remaining() == 8
        assert screen.query_one(Countdown).seconds == 8


@pytest.mark.parametrize(
    ("keys", "change"),
    [(("plus",), 10), (("equals_sign",), 10), (("minus",), -10), (("plus", "plus", "minus"), 10)],
)
async def test_plus_and_minus_change_the_time_by_ten_seconds(
    root: Path, clock: FakeClock, keys: tuple[str, ...], change: float
) -> None:
    app = make_test_app(root, clock=clock, start="mixed")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await advance(pilot, clock, 3)  # the 20 s hold
        await pilot.press(*keys)
        assert screen.engine.remaining() == 20 + change
        assert screen.query_one(Countdown).seconds == 20 + change


async def test_minus_past_the_end_ends_the_segment(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 3)
        await pilot.press("minus")
        assert session_of(app).engine.current is not None
        assert session_of(app).engine.current.kind == "switch"


async def test_enter_marks_a_self_paced_step_done_and_only_then(
    root: Path, clock: FakeClock
) -> None:
    app = make_test_app(root, clock=clock, start="daily")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await pilot.press("enter")  # a timed prepare: Enter does nothing
        assert screen.engine.index == 0
        await pilot.press("n", "n", "n")
        assert screen.has_class("-self-paced")
        assert screen.query_one("#hint", TextLine).text == "Press Enter when done"
        await advance(pilot, clock, 42)
        assert screen.query_one(Countdown).seconds == 42  # counting up
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        # The hold was skipped on the way; the self-paced step was done.
        assert app.screen.summary.done == 1 and app.screen.summary.skipped == 1


async def test_m_mutes_and_nothing_plays_after(
    root: Path, clock: FakeClock, audio: RecordingBackend
) -> None:
    app = make_test_app(root, clock=clock, audio=audio, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        assert audio.names == ["prepare"]
        await pilot.press("m")
        assert screen.sound.muted
        assert screen.query_one("#sound-state", TextLine).text == "MUTED"
        before = len(audio.plays)
        await advance(pilot, clock, 3)
        await advance(pilot, clock, 5)
        await pilot.press("n")
        assert len(audio.plays) == before
        await pilot.press("m")
        assert not screen.sound.muted
        assert screen.query_one("#sound-state", TextLine).text == ""
        await pilot.press("n")
        assert len(audio.plays) == before + 1


async def test_q_asks_no_goes_on_and_yes_shows_finished(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = session_of(app)
        await advance(pilot, clock, 2.5)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.engine.paused  # time stands still while the question is open
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.engine.paused
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        finished = app.screen
        assert isinstance(finished, FinishedScreen)
        assert not finished.summary.completed
        assert finished.summary.active_s == pytest.approx(2.5)
        # Defect #17 of the new-user walk: "Not finished: 2" was read as 2 steps missing
        # from history, which lists the steps that ended; these are exercises, and say so.
        assert "Not finished: 2 exercises" in finished.query_one("#figures", TextLine).text


async def test_the_stop_question_has_a_footer_of_its_own_keys(root: Path, clock: FakeClock) -> None:
    """Defect #17 of the new-user walk: under the "Stop this session?" dialog the session's
    footer went on showing "n Skip" while n there means "Go on"."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        footer = question.query_one(Footer)
        await pilot.pause()
        shown = [(key.display, key.description) for key in footer.query_one(KeyLine).keys]
        assert shown == [("y", "Yes"), ("n", "No")]
        assert footer.region.bottom == app.size.height  # over the session's own footer


async def test_q_while_paused_and_answered_no_stays_paused(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("space", "q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert session_of(app).engine.paused


async def test_footer_offers_only_the_keys_that_apply(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="daily")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)

        def shown() -> set[str]:
            return {b.binding.action for b in screen.active_bindings.values() if b.enabled}

        assert {"pause", "skip", "adjust(10)", "mute", "stop"} <= shown()
        assert not {"resume", "done", "unmute"} & shown()
        await pilot.press("space", "m")
        assert {"resume", "unmute"} <= shown()
        assert not {"pause", "mute"} & shown()
        await pilot.press("space", "n", "n", "n")
        assert "done" in shown() and "adjust(10)" not in shown()
