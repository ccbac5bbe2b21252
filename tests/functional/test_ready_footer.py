"""ReadyFooter: the keys are in the first screen's first frame, drawn by one widget that looks
cell for cell as Textual's keys do (issue #10, first frame)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from functional.driving import footer_cut, screen_cells
from functional.sample_routines import make_test_app
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from coach.tui.widgets.ready_footer import KeyLine, OneLineFooter, ReadyFooter


class TextualKeys(Footer):
    """Textual's own footer, listing its keys as soon as it is composed (the reference)."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self.set_reactive(Footer._bindings_ready, True)


class First(Screen[None]):
    """A first screen with keys and nothing to focus, as home is before its list arrives: a
    disabled key, a hidden one, a key shown by another name, two keys for one action."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "app.record('t')", "Start today"),
        Binding("enter", "app.record('t')", "Start today"),
        Binding("r", "app.record('r')", "Resume"),
        Binding("exclamation_mark", "app.record('!')", "Cramp now", key_display="!"),
        Binding("w", "app.record('w')", "Problems", show=False),
    ]

    def __init__(self, footer: type[Footer], compact: bool) -> None:
        super().__init__()
        self.footer = footer
        self.compact = compact

    def compose(self) -> ComposeResult:
        yield Static("home")
        yield self.footer(compact=self.compact, show_command_palette=False)


TIGHT = Binding.Group("±10 s", compact=True)
LOOSE = Binding.Group("move", compact=False)


class Grouped(First, inherit_bindings=False):
    """Keys in groups as the session screen has them: a compact group of two actions, a loose
    one, a group of one action (shown as a plain key), keys on either side, one disabled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "app.record('space')", "Pause"),
        Binding("plus", "app.record('+')", "+10 s", group=TIGHT, key_display="+"),
        Binding("minus", "app.record('-')", "-10 s", group=TIGHT),
        Binding("left", "app.record('left')", "Back", group=LOOSE),
        Binding("right", "app.record('r')", "On", group=LOOSE),
        Binding("m", "app.record('m')", "Mute", group=Binding.Group("alone")),
        Binding("q", "app.record('q')", "Quit"),
    ]


class Shown(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.record('?')", "Keys", key_display="?")
    ]

    def __init__(
        self,
        footer: type[Footer],
        theme: str = "textual-dark",
        compact: bool = True,
        focused: bool = True,
        screen: type[First] = First,
    ) -> None:
        super().__init__()
        self.first = screen
        self.set_reactive(App.app_focus, focused)
        self.footer = footer
        self.compact = compact
        self.theme = theme
        self.pressed: list[str] = []
        self.disabled = {("r",)}

    def get_default_screen(self) -> Screen[None]:
        return self.first(self.footer, self.compact)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters in self.disabled else True  # shown, but disabled

    def action_record(self, what: str) -> None:
        self.pressed.append(what)

    def bell(self) -> None:
        self.pressed.append("bell")


def listed(app: App[None]) -> list[str]:
    """The keys the screen's footer lists, as one line or as Textual's keys."""
    footer = app.screen.query_one(Footer)
    lines = footer.query(KeyLine)
    if lines:
        return [key.key for key in lines.first().keys]
    return [key.key for key in footer.query(FooterKey)]


@pytest.mark.parametrize(
    ("footer", "keys"),
    [(ReadyFooter, ["t", "r", "exclamation_mark", "question_mark"]), (Footer, [])],
)
async def test_the_keys_are_there_from_the_start(footer: type[Footer], keys: list[str]) -> None:
    """Textual's own footer waits for the screen to announce its bindings, which nothing
    does on a first screen with no focus; the ready one lists them at once. (Textual's row
    shows the test would see the difference; it pins Textual's behaviour this relies on.)"""
    app = Shown(footer)
    async with app.run_test():
        assert listed(app) == keys


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "solarized-light", "nord"])
@pytest.mark.parametrize("compact", [True, False])
@pytest.mark.parametrize("width", [70, 30])
async def test_the_one_line_looks_as_textuals_keys_do(
    theme: str, compact: bool, width: int
) -> None:
    """Cell for cell, in light and dark themes, compact or not, cut short or not: the keys
    (one disabled, dimmed) and the footer's background between them."""
    drawn = []
    for footer in (ReadyFooter, TextualKeys):
        app = Shown(footer, theme, compact)
        async with app.run_test(size=(width, 4)):
            # Ours draws the one line; Textual's, a widget per key.
            assert bool(app.screen.query(KeyLine)) is (footer is ReadyFooter)
            drawn.append(screen_cells(app))
    assert drawn[0] == drawn[1]


# "t Start today r Resume ! Cramp now ? Keys": the gaps at 13, 22 and 34.
@pytest.mark.parametrize(
    ("x", "pressed"),
    [(0, ["t"]), (12, ["t"]), (13, []), (15, ["bell"]), (25, ["!"]), (36, ["?"]), (60, [])],
)
async def test_a_click_on_the_line_presses_the_key_under_it(x: int, pressed: list[str]) -> None:
    """Before Textual's keys take over, a click does what a click on one of them does: it
    presses the key, or rings the bell for a disabled one; between two keys, nothing."""
    app = Shown(ReadyFooter)
    async with app.run_test(size=(70, 4)) as pilot:
        line = app.screen.query_one(KeyLine)
        line.post_message(events.MouseDown(line, x, 0, 0, 0, 1, False, False, False))
        await pilot.pause()
        assert app.pressed == pressed


async def test_textuals_keys_take_over_when_the_keys_change() -> None:
    """The one line is for the first frame: the screen's first announcement of its keys
    (Textual makes one just after it) brings Textual's keys, with their hover look."""
    app = Shown(ReadyFooter)
    async with app.run_test(size=(70, 4)) as pilot:
        assert app.screen.query(KeyLine)
        await pilot.pause()
        assert not app.screen.query(KeyLine)
        assert len(app.screen.query(FooterKey)) == 4


async def test_textuals_keys_take_over_once_the_mouse_moves_over_the_line() -> None:
    """A footer of an app without focus is not told of its keys; the first mouse move over
    the line brings Textual's keys, which have a hover look and tooltips."""
    app = Shown(ReadyFooter, focused=False)
    async with app.run_test(size=(70, 4)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        line.post_message(events.MouseMove(line, 3, 0, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert not app.screen.query(KeyLine)
        assert len(app.screen.query(FooterKey)) == 4


@pytest.mark.parametrize("theme", ["textual-dark", "solarized-light"])
@pytest.mark.parametrize("compact", [True, False])
@pytest.mark.parametrize("footer", [ReadyFooter, OneLineFooter])
@pytest.mark.parametrize("width", [90, 30])
async def test_groups_of_keys_look_as_textuals_do(
    footer: type[Footer], theme: str, compact: bool, width: int
) -> None:
    """A group of more than one action is its keys side by side, then the group's label;
    a compact group and a loose one each as Textual lays them out, cell for cell, cut short
    or not."""
    drawn = []
    for shown in (footer, TextualKeys):
        app = Shown(shown, theme, compact, screen=Grouped)
        async with app.run_test(size=(width, 4)):
            assert bool(app.screen.query(KeyLine)) is (shown is footer)
            drawn.append(screen_cells(app))
    assert drawn[0] == drawn[1]
    if width == 90:
        line = "".join(character for character, _ in drawn[0][-1])
        assert "+-" in line and "±10 s" in line and "move" in line


async def test_the_one_line_footer_follows_the_keys_in_the_same_widget() -> None:
    """A change of the screen's keys (here `r` is enabled) redraws the one line: no widget
    per key, none new; a mouse move over it changes nothing either."""
    app = Shown(OneLineFooter)
    async with app.run_test(size=(70, 4)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        before = screen_cells(app)
        assert [key.enabled for key in line.keys] == [True, False, True, True]
        app.disabled = set()
        app.screen.refresh_bindings()
        await pilot.pause()
        assert app.screen.query_one(KeyLine) is line
        assert [key.enabled for key in line.keys] == [True, True, True, True]
        assert screen_cells(app) != before  # `r` is no longer dim
        assert not app.screen.query(FooterKey).exclude("KeyLine")
        line.post_message(events.MouseMove(line, 3, 0, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert app.screen.query_one(KeyLine) is line


async def test_the_keys_a_narrow_screen_cuts_off_are_named() -> None:
    """The footer checks of every screen (`footer_cut`) see into the one line: the keys past
    the screen's edge, and only those."""
    app = Shown(OneLineFooter)
    async with app.run_test(size=(30, 4)):
        assert footer_cut(app) == ["exclamation_mark Cramp now", "question_mark Keys"]
    async with Shown(OneLineFooter).run_test(size=(70, 4)) as pilot:
        assert footer_cut(pilot.app) == []


async def test_one_character_keys_are_shown_as_textual_shows_them_without_unicode_names(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual asks Python's Unicode name table what "n" is called (nothing) before showing
    it as "n"; that first look costs a session about 0.5 MB. coach shows such keys as they
    are, the same as Textual, and leaves every other key to Textual."""
    import textual.keys

    app = make_test_app(root)
    bindings = [Binding(key, "bell", "x") for key in [*"anqz19", "plus", "space", "ctrl+x"]]
    shown = [App.get_key_display(app, binding) for binding in bindings]
    looked_up: list[str] = []
    real = textual.keys.unicodedata.lookup

    def lookup(name: str) -> str:
        looked_up.append(name)
        return real(name)

    monkeypatch.setattr(textual.keys.unicodedata, "lookup", lookup)
    textual.keys.format_key.cache_clear()
    assert [app.get_key_display(binding) for binding in bindings] == shown
    assert looked_up == ["PLUS SIGN", "x"]
