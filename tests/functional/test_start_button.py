"""StartButton looks and behaves as Textual's success button, with a fraction of its stylesheet
(issue #10, first frame)."""

from __future__ import annotations

import pytest
from functional.driving import screen_cells
from textual.app import App, ComposeResult
from textual.widgets import Button, Static

from coach.tui.widgets.start_button import StartButton


class OneButton(App[None]):
    def __init__(self, button: Button, theme: str, ansi: bool | None) -> None:
        super().__init__(ansi_color=ansi)
        self.button = button
        self.theme = theme
        self.pressed: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Static("before")
        yield self.button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.pressed.append(event.button.id)


def textuals() -> Button:
    return Button("Start (Enter)", variant="success", id="start")


def ours() -> Button:
    return StartButton("Start (Enter)", id="start")


@pytest.mark.parametrize(
    ("theme", "ansi"),
    [
        ("textual-dark", False),
        ("textual-light", False),
        ("gruvbox", False),
        ("textual-dark", True),
        # The ANSI themes a user can pick, besides ANSI colours asked for above.
        ("ansi-dark", None),
        ("ansi-light", None),
    ],
)
@pytest.mark.parametrize(
    "state",
    [
        "plain",
        "disabled",
        "focused",
        "hovered",
        "pressed",
        # States together, where rules meet: specificity and order decide what shows.
        "focused hovered",
        "hovered pressed",
        "disabled hovered",
        "disabled pressed",  # disabled before the pressed look's 0.2 s are up
    ],
)
async def test_it_looks_as_textuals_success_button(
    theme: str, ansi: bool | None, state: str
) -> None:
    drawn = []
    for make in (ours, textuals):
        button = make()
        app = OneButton(button, theme, ansi)
        async with app.run_test(size=(30, 6)) as pilot:
            if "disabled" in state:
                button.disabled = True
            if "focused" in state:
                button.focus()
            if "hovered" in state:
                await pilot.hover("#start")
            if "pressed" in state:
                button.add_class("-active")
            await pilot.pause()
            drawn.append(screen_cells(app))
    assert drawn[0] == drawn[1]


async def test_it_is_pressed_by_enter_and_by_a_click_unless_disabled() -> None:
    button = StartButton("Start (Enter)", id="start")
    button.active_effect_duration = 0  # no pressed look, which holds off a second press
    app = OneButton(button, "textual-dark", False)
    async with app.run_test(size=(30, 6)) as pilot:
        button.focus()
        await pilot.press("enter")
        await pilot.click("#start")
        button.disabled = True
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
    assert app.pressed == ["start", "start"]
