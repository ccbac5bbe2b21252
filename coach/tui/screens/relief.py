"""After a cramp's relief: the signs that a pain may be more than a cramp, before anything else.

Shown over the Finished screen once the relief routine ends or is stopped, as `coach cramp now`
prints them after the relief in a terminal, and again on request from the Finished screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from coach.cramps.guidance import RED_FLAGS_TITLE
from coach.tui.cramp_view import red_flag_lines
from coach.tui.widgets.text_line import TextLine


class RedFlagsScreen(ModalScreen[None]):
    """The red flags, most urgent first, each coloured by how soon it needs help."""

    CSS_PATH = "relief.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "OK", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="red-flags") as box:
            box.border_title = RED_FLAGS_TITLE
            for text, urgency in red_flag_lines():
                with HorizontalGroup(classes=f"red-flag -{urgency}"):
                    yield TextLine("•", classes="bullet")
                    yield TextLine(text, classes="flag")
            yield Button("OK (Enter)", variant="primary", id="red-flags-ok", compact=True)

    @on(Button.Pressed, "#red-flags-ok")
    def action_close(self) -> None:
        self.dismiss(None)
