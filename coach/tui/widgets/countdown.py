"""The big session clock: whole seconds in `Digits`, counting down or up."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Digits

from coach import text


class Countdown(Digits):
    """Shows `seconds` as m:ss; setting the same whole number again repaints nothing."""

    seconds: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text.clock(0), id=id, classes=classes)

    def watch_seconds(self, seconds: int) -> None:
        self.update(text.clock(seconds))
