"""Which format to write a report or handout in, asked over the current screen."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from coach import locations
from coach.report.documents import FORMAT_NAMES, FORMATS, Format
from coach.tui.widgets.text_line import TextLine

KEYS: dict[Format, str] = {"md": "m", "html": "h", "pdf": "p"}


class FormatScreen(ModalScreen[Format | None]):
    """Which format to write: `m`, `h`, `p` or a button; Escape writes nothing."""

    CSS_PATH = "format.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"choose('{fmt}')", FORMAT_NAMES[fmt], show=False)
            for fmt, key in KEYS.items()
        ),
        Binding("escape", "choose('')", "Cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield TextLine(self.question, id="question")
            with Horizontal(id="buttons"):
                for fmt in FORMATS:
                    name = FORMAT_NAMES[fmt]
                    yield Button(f"{name} ({KEYS[fmt]})", id=f"format-{fmt}", compact=True)
            folder = locations.documents_dir()
            yield TextLine(f"It is saved in {folder}. Esc saves nothing.", id="detail")

    def on_mount(self) -> None:
        self.query_one("#format-pdf", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose((event.button.id or "").removeprefix("format-"))

    def action_choose(self, fmt: str) -> None:
        self.dismiss(next((f for f in FORMATS if f == fmt), None))
