"""Which character a bound key types, answered as Textual answers it but without Python's
table of Unicode names (coach.tui.key_characters), and the check-in still keeps its keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import textual.keys
import textual.screen
from driving import settle
from functional.history_kit import NOW, do_the_daily, footer_keys, history_app
from functional.test_checkin import checkins
from textual.widgets import Input

from coach.history.checkins import CheckIn
from coach.session.clock import FakeClock
from coach.tui.key_characters import KNOWN, character_of
from coach.tui.screens.finished import FinishedScreen
from coach.tui.widgets.checkin import FeelingChoice

OTHER_KEYS = ["a", "?", "ctrl+x", "shift+tab", "f1", "number_sign", "percent_sign", "zzz"]


@pytest.mark.parametrize("key", [*KNOWN, *OTHER_KEYS])
def test_every_key_is_answered_as_textual_answers_it(key: str) -> None:
    assert character_of(key) == textual.keys.key_to_character(key)


@pytest.fixture
def unicode_names_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names Textual's key code (not the test's key presses) looks up in Python's Unicode
    table from here on."""
    asked: list[str] = []
    real = textual.keys.unicodedata

    class Table:
        def lookup(self, name: str) -> str:
            asked.append(name)
            return real.lookup(name)

        def name(self, character: str) -> str:
            asked.append(character)
            return real.name(character)

    monkeypatch.setattr(textual.keys, "unicodedata", Table())
    textual.keys.key_to_character.cache_clear()
    yield asked
    textual.keys.key_to_character.cache_clear()


async def test_the_focused_check_in_asks_no_unicode_names(
    root: Path, unicode_names_asked: list[str]
) -> None:
    """The session's end used to look up "ESCAPE", "ENTER", "TAB" and "QUESTION MARK" for the
    keys around the focused check-in: about 0.4 MB of the table, at the top of the peak."""
    app = history_app(root, record_history=True, clock=FakeClock())
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert isinstance(app.focused, FeelingChoice)
        assert app.screen.active_bindings
        await settle(pilot)
    assert textual.screen.key_to_character is character_of
    assert unicode_names_asked == []


async def test_in_the_note_field_question_mark_types_and_is_not_offered(root: Path) -> None:
    """A text field keeps the printable keys bound around it, so the footer stops offering
    `?` while the note has focus, as with Textual's own answers; `?` types a question mark."""
    app = history_app(root, record_history=True, clock=FakeClock())
    async with app.run_test() as pilot:
        await do_the_daily(pilot)
        assert "question_mark" in footer_keys(app)
        await pilot.press("2", "tab", "tab")
        await settle(pilot)
        assert isinstance(app.focused, Input)
        assert "question_mark" not in footer_keys(app)
        assert "escape" in footer_keys(app)
        await pilot.press(*"why?", "enter")
        await settle(pilot)
    assert checkins() == [CheckIn("right", None, "why?", NOW)]
