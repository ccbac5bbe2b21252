"""A yes-or-no question over the current screen, answered with a key or a button."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from coach.tui.widgets.ready_footer import OneLineFooter
from coach.tui.widgets.text_line import TextLine


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True for yes (y, or the first button) and False for no (n, Escape).

    It has its own footer: the one of the screen beneath would go on offering that screen's
    keys (a session's "n Skip", while n here means no)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No", key_display="n"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield TextLine(self.question, id="question")
            yield TextLine(self.detail, id="detail")
            with Horizontal(id="buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button(f"{self.no} (n)", variant="primary", id="no")
        yield OneLineFooter()

    def on_mount(self) -> None:
        # The safe answer has the focus, so a stray Enter keeps the session going.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
