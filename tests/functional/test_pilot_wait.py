"""The tests' Pilot waits (tests/pilot_wait.py): a wait ends once the app has nothing left to
do, not after a nap of real time."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static

STEPS = 50


class Chain(App[None]):
    """Each step posts the next: work that keeps coming after the wait began."""

    class Step(Message):
        pass

    steps = 0

    def compose(self) -> ComposeResult:
        yield Static("box", id="box")

    def on_chain_step(self, message: Step) -> None:
        self.steps += 1
        if self.steps < STEPS:
            self.post_message(self.Step())

    def key_s(self) -> None:
        self.post_message(self.Step())

    def key_w(self) -> None:
        self.query_one("#box").styles.width = 17


async def test_a_key_press_ends_with_the_chain_it_started_done() -> None:
    app = Chain()
    async with app.run_test() as pilot:
        await pilot.press("s")
        assert app.steps == STEPS


async def test_a_key_press_ends_with_the_screen_laid_out_anew() -> None:
    """The layout a key asked for is done, as the screen's update timer would have done it
    during Textual's naps."""
    app = Chain()
    async with app.run_test() as pilot:
        box = app.query_one("#box")
        assert box.region.width != 17
        await pilot.press("w")
        assert box.region.width == 17
