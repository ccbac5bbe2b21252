"""ReadyFooter: the keys are in the first screen's first frame (issue #10, first frame)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from coach.tui.widgets.ready_footer import ReadyFooter


class First(Screen[None]):
    """A first screen with keys and nothing to focus, as home is before its list arrives."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("t", "app.bell", "Start today")]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Static("home")
        yield self.footer(compact=True, show_command_palette=False)


class Shown(App[None]):
    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def get_default_screen(self) -> Screen[None]:
        return First(self.footer)


@pytest.mark.parametrize(("footer", "keys"), [(ReadyFooter, ["t"]), (Footer, [])])
async def test_the_keys_are_there_from_the_start(footer: type[Footer], keys: list[str]) -> None:
    """Textual's own footer waits for the screen to announce its bindings, which nothing
    does on a first screen with no focus; the ready one lists them at once. (Textual's row
    shows the test would see the difference; it pins Textual's behaviour this relies on.)"""
    app = Shown(footer)
    async with app.run_test():
        assert [key.key for key in app.screen.query(FooterKey)] == keys
