"""TitleBar: home's header in its first frame, one widget drawn cell for cell as Textual's
`Header(icon="")`, which takes its place once that frame is drawn (issue #10, first frame)."""

from __future__ import annotations

import pytest
from functional.driving import screen_cells
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Header, Static

from coach.tui.widgets.title_bar import TitleBar


class Shown(App[None]):
    TITLE = "coach"
    SUB_TITLE = "feet and calves"

    def __init__(self, header: type[Widget], theme: str) -> None:
        super().__init__()
        self.header = header
        self.theme = theme

    def compose(self) -> ComposeResult:
        yield Header(icon="") if self.header is Header else TitleBar()
        yield Static("below")


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "gruvbox", "ansi-dark"])
@pytest.mark.parametrize("width", [80, 100, 30, 19])
async def test_it_looks_as_textuals_header_then_gives_it_its_place(theme: str, width: int) -> None:
    """From 18 columns (the icon's 8 and the clock's 10) up, the title cut short with an
    ellipsis where it does not fit."""
    ours = Shown(TitleBar, theme)
    async with ours.run_test(size=(width, 4)) as pilot:
        first = screen_cells(ours)
        assert [type(w) for w in ours.screen.children] == [TitleBar, Static]
        await pilot.pause()
        assert [type(w) for w in ours.screen.children] == [Header, Static]
        after = screen_cells(ours)
    textuals = Shown(Header, theme)
    async with textuals.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        assert first == after == screen_cells(textuals)
