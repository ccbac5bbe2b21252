"""A modal list under a title: the keys of a screen (`?`), or every problem in the routine files.

Each row is a short mark (a key, a ⚠) and its text, wrapped under itself. Long lists scroll;
Enter, Esc or `?` closes it. Details on demand, so the screen below stays roomy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from coach.tui.widgets.text_line import TextLine

Row = tuple[str, str]

#: Keys every Textual screen has that say nothing about coach (moving focus, copying text).
GENERIC_ACTIONS = frozenset({"app.focus_next", "app.focus_previous", "screen.copy_text"})


class ListingScreen(ModalScreen[None]):
    CSS_PATH = "listing.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape,question_mark", "close", "Close", show=False),
    ]

    def __init__(self, title: str, rows: Iterable[Row]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        width = max((len(mark) for mark, _ in self.rows), default=0)
        with VerticalScroll(id="listing") as box:
            box.border_title = self.title_text
            for mark, text in self.rows:
                with HorizontalGroup(classes="listing-row"):
                    mark_line = TextLine(mark, classes="listing-mark")
                    mark_line.styles.width = width + 2
                    yield mark_line
                    yield TextLine(text, classes="listing-text")
            yield Button("Close (Esc)", variant="primary", id="listing-close", compact=True)

    @on(Button.Pressed, "#listing-close")
    def action_close(self) -> None:
        self.dismiss(None)


def screen_keys(screen: Screen[object]) -> list[Row]:
    """Every key the screen and the app answer to right now, shown in the footer or not.

    Keys of the focused widget (a table's arrows) are left out: they are the widget's own.
    `KEY_NOTES` on a screen adds what bindings cannot say, such as Enter on a table's row.
    """
    app = screen.app
    rows: list[Row] = list(getattr(screen, "KEY_NOTES", ()))
    seen: dict[str, int] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node not in (screen, app) or binding.action in GENERIC_ACTIONS:
            continue
        if not binding.description:
            continue
        key = app.get_key_display(binding)
        what = binding.description
        if what in seen:  # two keys for one action, e.g. `n` and `→`
            index = seen[what]
            rows[index] = (f"{rows[index][0]} {key}", what)
            continue
        seen[what] = len(rows)
        rows.append((key, what))
    return rows
