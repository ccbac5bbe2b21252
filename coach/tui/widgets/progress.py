"""A progress bar fed whole seconds, with a short label after it.

Drawn here rather than with Textual's `ProgressBar`, which keeps a once-a-second interval
running for its ETA and animates at 15 frames a second when it has no total: a session must
cost next to nothing while it waits.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class SecondsBar(Widget):
    """`done` out of `total` seconds; a total of 0 draws no bar, only the label."""

    COMPONENT_CLASSES = {"seconds-bar--done", "seconds-bar--left", "seconds-bar--label"}

    DEFAULT_CSS = """
    SecondsBar {
        height: 1;
        width: 1fr;
        & > .seconds-bar--done { color: $accent; }
        & > .seconds-bar--left { color: $foreground 15%; }
        & > .seconds-bar--label { color: $text-muted; }
    }
    """

    # Not repainted on every change: a long bar moves one cell every few seconds, so it is
    # drawn again only when the cells it shows change (see `_cells`).
    total: reactive[int] = reactive(0, repaint=False)
    done: reactive[int] = reactive(0, repaint=False)
    label: reactive[str] = reactive("", repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[int | None, int, str] | None = None

    def _cells(self) -> tuple[int | None, int, str]:
        """What the bar shows: filled cells (None: no bar), the cells before the label, and the
        label."""
        label = f" {self.label}" if self.label else ""
        width = max(0, self.size.width - len(label))
        if self.total <= 0 or width <= 0:
            return None, width, label
        return round(width * min(max(self.done, 0), self.total) / self.total), width, label

    def _changed(self) -> None:
        if self._cells() != self._shown:
            self.refresh()

    def watch_total(self) -> None:
        self._changed()

    def watch_done(self) -> None:
        self._changed()

    def watch_label(self) -> None:
        self._changed()

    def render(self) -> Text:
        self._shown = filled, width, label = self._cells()
        line = Text(no_wrap=True, overflow="ellipsis")
        if filled is not None:
            line.append("━" * filled, self.get_component_rich_style("seconds-bar--done"))
            line.append("━" * (width - filled), self.get_component_rich_style("seconds-bar--left"))
        else:
            line.append(" " * width)
        line.append(label, self.get_component_rich_style("seconds-bar--label"))
        return line
