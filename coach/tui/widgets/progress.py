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

    total: reactive[int] = reactive(0)
    done: reactive[int] = reactive(0)
    label: reactive[str] = reactive("")

    def render(self) -> Text:
        label = f" {self.label}" if self.label else ""
        width = max(0, self.size.width - len(label))
        line = Text(no_wrap=True, overflow="ellipsis")
        if self.total > 0 and width > 0:
            filled = round(width * min(max(self.done, 0), self.total) / self.total)
            line.append("━" * filled, self.get_component_rich_style("seconds-bar--done"))
            line.append("━" * (width - filled), self.get_component_rich_style("seconds-bar--left"))
        else:
            line.append(" " * width)
        line.append(label, self.get_component_rich_style("seconds-bar--label"))
        return line
