"""The exercise's drawing in the session: it moves with the tempo on frames of its own, stands
still in holds and pauses, is mirrored for the left side, and can be turned off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import advance, session_of, settle
from sample_routines import make_test_app
from textual.color import Color
from textual.strip import Strip
from textual.timer import Timer

from coach.drawing.braille import Picture, draw
from coach.drawing.bundled import bundled_drawings
from coach.drawing.motion import frame_count, mirrored
from coach.session.clock import FakeClock
from coach.settings import Settings
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.big_text import BigText
from coach.tui.widgets.drawing import ExerciseDrawing

TOE_RAISE = bundled_drawings()["toe-raise"]


def shown(screen: SessionScreen) -> ExerciseDrawing:
    return screen.query_one("#drawing", ExerciseDrawing)


async def test_the_drawing_moves_during_up_and_stands_still_in_the_hold(
    root: Path, clock: FakeClock
) -> None:
    app = make_test_app(root, clock=clock, start="tempo")  # prepare 2 s; up 1, hold 2, down 1
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        assert shown(screen).display
        assert shown(screen).picture == draw(TOE_RAISE, TOE_RAISE.start.as_dict())
        assert screen.drawing.timer is None  # getting ready: nothing moves
        await advance(pilot, clock, 2.0)  # "up" begins
        first = shown(screen).picture
        assert screen.drawing.timer is not None
        # The next frame on the phase's even grid: one step of the picture, derived from the clock.
        assert screen.drawing.timer._interval == pytest.approx(1.0 / frame_count(TOE_RAISE, 1.0))
        clock.advance(0.5)
        screen.drawing.next_frame()
        await pilot.pause()
        assert shown(screen).picture != first  # halfway up: a new picture
        await advance(pilot, clock, 0.6)  # into the hold
        assert shown(screen).picture == draw(TOE_RAISE, TOE_RAISE.end.as_dict())
        assert screen.drawing.timer is None


def frame_bookings(screen: SessionScreen, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the drawing's frame timer is booked with from now on, in order. Its timers
    are made paused, so real time never fires one: the test moves the clock and fires them."""
    booked: list[float] = []
    set_timer = shown(screen).set_timer

    def recording(delay: float, callback: Callable[[], object], *, name: str) -> Timer:
        booked.append(delay)
        return set_timer(delay, callback, name=name, pause=True)

    monkeypatch.setattr(shown(screen), "set_timer", recording)
    return booked


async def test_the_frame_timer_is_booked_for_the_next_frame_and_kept_while_that_holds(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #10 (a session's CPU): the frame timer was booked anew on every wake and beat,
    even when the next frame's moment had not moved; it is booked only when it moves."""
    app = make_test_app(root, clock=clock, start="tempo")  # prepare 2 s; up 1, hold 2, down 1
    step = 1.0 / frame_count(TOE_RAISE, 1.0)  # the frames of "up", on an even grid
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        booked = frame_bookings(screen, monkeypatch)
        await advance(pilot, clock, 2.0)  # "up" begins
        assert booked == [pytest.approx(step)]
        timer = screen.drawing.timer
        await advance(pilot, clock, step / 4)  # a wake between two frames changes nothing
        await pilot.press("m")  # nor does a key that leaves the clock alone
        assert booked == [pytest.approx(step)]
        assert screen.drawing.timer is timer
        clock.advance(step * 3 / 4)  # the frame is due: the timer fires, the next is booked
        screen.drawing.next_frame()
        assert booked == [pytest.approx(step)] * 2
        await advance(pilot, clock, step / 2)
        await pilot.press("space")  # paused: no frame to wait for
        assert screen.drawing.timer is None
        clock.advance(30.0)
        await pilot.press("space")  # resumed: the rest of the frame's wait, from now
        assert booked == [pytest.approx(step)] * 2 + [pytest.approx(step / 2)]
        await pilot.press("r")  # the step again from its start: its first frame from now
        assert booked[3:] == [pytest.approx(step)]


async def test_a_pause_stops_the_frames(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="tempo")
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 2.3)
        screen = session_of(app)
        assert screen.drawing.timer is not None
        await pilot.press("space")
        assert screen.drawing.timer is None
        await pilot.press("space")
        assert screen.drawing.timer is not None


async def test_the_left_side_is_drawn_mirrored(root: Path, clock: FakeClock) -> None:
    app = make_test_app(root, clock=clock, start="stretch")  # calf stretch, both sides
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await advance(pilot, clock, 3.0)
        drawing = bundled_drawings()["calf-stretch"]
        side = screen.engine.current.side if screen.engine.current else None
        held = drawing.end.as_dict()
        expected = mirrored(held) if side == "left" else held
        assert shown(screen).picture == draw(drawing, expected)
        await advance(pilot, clock, 8.0 + 2.0)  # the switch, then the other side
        other = screen.engine.current.side if screen.engine.current else None
        assert other != side
        expected = mirrored(held) if other == "left" else held
        assert shown(screen).picture == draw(drawing, expected)


@pytest.mark.parametrize(
    ("settings", "size"),
    [
        (Settings(daily_routine="daily", voice=False, drawings=False), (80, 24)),
        (Settings(daily_routine="daily", voice=False), (60, 20)),  # too small to fit it
    ],
)
async def test_no_drawing_when_turned_off_or_too_small(
    root: Path, clock: FakeClock, settings: Settings, size: tuple[int, int]
) -> None:
    app = make_test_app(root, clock=clock, start="tempo", settings=settings)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await advance(pilot, clock, 2.3)
        screen = session_of(app)
        assert not shown(screen).display
        assert screen.drawing.timer is None


async def test_the_phase_word_takes_its_rows_once_it_has_a_word(
    root: Path, clock: FakeClock
) -> None:
    """Bug: the phase word, empty while getting ready, kept a height of 0 rows once it said
    UP, because its text changed without a new layout."""
    app = make_test_app(root, clock=clock, start="tempo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await advance(pilot, clock, 2.5)
        await pilot.pause()
        phase = session_of(app).query_one("#phase", BigText)
        assert phase.text == "UP"
        assert phase.region.height == 3


async def test_every_rep_draws_the_pictures_of_the_first_and_a_new_style_draws_anew(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #10 (a session's CPU): the strips of a picture are made once and kept, so the
    second rep repaints from what the first made; a new theme makes them again in its colours."""
    made: list[Picture] = []
    original = ExerciseDrawing._picture_strips

    def make(self: ExerciseDrawing) -> list[Strip]:
        made.append(self.picture)
        return original(self)

    monkeypatch.setattr(ExerciseDrawing, "_picture_strips", make)
    app = make_test_app(root, clock=clock, start="tempo")  # prepare 2 s; up 1, hold 2, down 1
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)

        async def one_rep() -> list[Picture]:
            """Four seconds in steps finer than any frame, each picture shown painted."""
            seen = []
            for _ in range(80):
                await advance(pilot, clock, 0.05)
                screen.drawing.next_frame()
                await pilot.pause()
                seen.append(shown(screen).picture)
            return seen

        await advance(pilot, clock, 2.0)  # "up" of rep 1 begins
        first = await one_rep()
        assert len(set(first)) > 3 and set(made) == set(first)
        made.clear()
        second = await one_rep()
        assert set(second) == set(first)
        assert made == [], "rep 2 shows rep 1's pictures, painted from the strips kept"
        body = shown(screen).strip_styles()[1]
        app.theme = "textual-light"
        await pilot.pause()
        assert made == [shown(screen).picture]
        assert shown(screen).strip_styles()[1] != body  # the light theme's background
        screen.query_one("#clock-row").styles.background = Color.parse("darkblue")
        await pilot.pause()
        backgrounds = {segment.style.bgcolor for segment in shown(screen).render_line(3)}
        assert backgrounds == {shown(screen).rich_style.bgcolor}, "its container's, at once"
