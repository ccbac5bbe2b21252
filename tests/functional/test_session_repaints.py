"""What a running session repaints (issue #10, a session's CPU): nothing while nothing it shows
changes, only the widgets whose text changed when something does, and the clock cell for cell
as Textual's `Digits` would draw it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from driving import advance, session_of, settle
from sample_routines import make_test_app
from textual.color import Color
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from coach.session.clock import FakeClock
from coach.tui.widgets.big_text import BigText
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.progress import SecondsBar

#: What a second changes in a timed step: its clock, the session's time left and, some seconds,
#: a cell of the bars.
SECOND = {"clock", "session-left", "segment-bar", "session-bar"}


@contextmanager
def refreshed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, bool]]]:
    """Every widget told to repaint meanwhile, by id, and whether it asked for a new layout."""
    asked: list[tuple[str, bool]] = []
    original = Widget.refresh

    def refresh(self: Widget, *regions: object, **options: bool) -> Widget:
        asked.append((self.id or type(self).__name__, options.get("layout", False)))
        return original(self, *regions, **options)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Widget, "refresh", refresh)
        yield asked


def cells(strips: list[Strip]) -> list[list[tuple[str, object, object, bool]]]:
    """What a terminal shows of `strips`: each cell's character, colours and weight."""
    return [
        [
            (char, segment.style.color, segment.style.bgcolor, bool(segment.style.bold))
            for segment in strip
            if segment.style is not None
            for char in segment.text
        ]
        for strip in strips
    ]


async def test_a_wake_that_changes_nothing_shown_repaints_nothing(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")  # 3 s prepare, then 8 s a side
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 3.2)  # working, the clock at 0:08
        with refreshed(monkeypatch) as asked:
            await advance(pilot, clock, 0.2)  # woken early (a key, a late timer): still 0:08
        assert asked == []


async def test_a_seconds_tick_repaints_the_clock_and_the_time_left_without_a_layout(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 3.2)
        with refreshed(monkeypatch) as asked:
            await advance(pilot, clock, 1.0)  # 0:07
        names = {name for name, _ in asked}
        assert {"clock", "session-left"} <= names <= SECOND
        assert not any(layout for _, layout in asked)
        assert len(asked) == len(names), f"each asked to repaint once: {asked}"


@pytest.mark.parametrize("seconds", [0, 7, 59, 67, 600, 3599])
async def test_the_clock_draws_what_digits_draws(
    root: Path, clock: FakeClock, seconds: int
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        countdown = session_of(app).query_one("#clock", Countdown)
        countdown.seconds = seconds
        await pilot.pause()
        for state in ("as shown", "lit", "centred", "right"):
            if state == "lit":  # a flash lights the clock with an inline background
                countdown.styles.background = Color.parse("red").with_alpha(0.35)
            elif state in ("centred", "right"):  # wider than its digits
                countdown.styles.width = 20
                countdown.styles.text_align = "center" if state == "centred" else "right"
            await pilot.pause()
            width, height = countdown.size
            digits = Visual.to_strips(
                countdown, countdown._render(), width, height, countdown.visual_style
            )
            ours = [countdown.render_line(y) for y in range(height)]
            assert cells(ours) == cells(digits), state
            assert "".join(strip.text for strip in ours).strip()


async def test_big_text_takes_its_tones_colour_and_a_flashs_background(
    root: Path, clock: FakeClock
) -> None:
    app = make_test_app(root, clock=clock, start="tempo")  # prepare 2 s; up 1, hold 2, down 1
    async with app.run_test(size=(120, 40)) as pilot:  # room for the big clock
        await settle(pilot)
        await advance(pilot, clock, 2.5)  # up
        screen = session_of(app)
        phase = screen.query_one("#phase", BigText)
        assert (phase.text, phase.tone) == ("UP", "up")
        up = phase.get_component_rich_style("big-text--up", partial=True).color
        assert up is not None and up != phase.rich_style.color
        drawn = {segment.style.color for segment in phase.render_line(0) if segment.text.strip()}
        assert drawn == {up}
        big_clock = screen.query_one("#big-clock", BigText)
        assert big_clock.text == "0:08"  # two reps of 4 s
        screen.flash()
        await pilot.pause()
        lit = {segment.style.bgcolor for segment in big_clock.render_line(0)}
        assert lit == {big_clock.rich_style.bgcolor} and lit != {phase.rich_style.bgcolor}


async def test_a_bar_takes_a_new_themes_colours_and_its_containers_background(
    root: Path, clock: FakeClock
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await advance(pilot, clock, 5.0)
        bar = session_of(app).query_one("#segment-bar", SecondsBar)

        def drawn() -> set[object]:
            line = bar.render_line(0)
            return {
                (segment.style.color, segment.style.bgcolor) for segment in line if segment.text
            }

        before = drawn()
        assert len(before) == 2  # the part done and the part to come
        app.theme = "textual-light"
        await pilot.pause()
        light = drawn()
        assert light.isdisjoint(before)
        session_of(app).query_one("#lower-band").styles.background = Color.parse("darkblue")
        await pilot.pause()
        assert (
            {bgcolor for _, bgcolor in drawn()}
            == {bar.rich_style.bgcolor}
            != {bgcolor for _, bgcolor in light}
        )
