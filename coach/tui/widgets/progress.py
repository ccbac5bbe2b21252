"""A progress bar fed whole seconds.

Drawn here rather than with Textual's `ProgressBar`, which keeps a once-a-second interval
running for its ETA and animates at 15 frames a second when it has no total: a session must
cost next to nothing while it waits. Drawn from one strip made when the cells change: going
through Rich's text layout cost more than the rest of a second's repaint.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.reactive import reactive
from textual.strip import Strip

from coach.tui.widgets.strips import StripsWidget

Cells = tuple[int | None, int]


class SecondsBar(StripsWidget):
    """`done` out of `total` seconds; a total of 0 draws no bar."""

    COMPONENT_CLASSES = {"seconds-bar--done", "seconds-bar--left"}
    STRIP_STYLES = ("seconds-bar--done", "seconds-bar--left")

    DEFAULT_CSS = """
    SecondsBar {
        height: 1;
        width: 1fr;
        & > .seconds-bar--done { color: $accent; }
        & > .seconds-bar--left { color: $foreground 15%; }
    }
    """

    # Not repainted on every change: a long bar moves one cell every few seconds, so it is
    # drawn again only when the cells it shows change (see `_cells`).
    total: reactive[int] = reactive(0, repaint=False)
    done: reactive[int] = reactive(0, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: Cells | None = None

    def _cells(self) -> Cells:
        """What the bar shows: filled cells (None: no bar) of its width."""
        width = self.size.width
        if self.total <= 0 or width <= 0:
            return None, width
        return round(width * min(max(self.done, 0), self.total) / self.total), width

    def _changed(self) -> None:
        if self._cells() != self._shown:
            self.refresh()

    def watch_total(self) -> None:
        self._changed()

    def watch_done(self) -> None:
        self._changed()

    def make_strips(self) -> list[Strip]:
        base, done, left = self.strip_styles()
        self._shown = filled, width = self._cells()
        if filled is None:
            segments = [Segment(" " * width, base)]
        else:
            segments = [Segment("━" * filled, done), Segment("━" * (width - filled), left)]
        return [Strip(segments).adjust_cell_length(self.size.width, base)]
