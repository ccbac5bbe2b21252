"""Which character a bound key types, answered without Python's table of Unicode names.

Whenever a widget has focus, Textual asks of every key bound on the screen and the app around
it which character that key types, so that a text field can keep its printable keys for
itself. Textual finds out by name in Python's Unicode table ("ESCAPE", "TAB", "QUESTION
MARK"), and the first such look maps about 0.4 MB of the table into the process for good: the
Finished screen's focused check-in paid it at the very end of every session, the top of its
peak memory (benchmarks/bench_memory.py). The keys coach's screens and Textual's containers
bind are answered here, exactly as Textual answers them (tests/functional/test_key_characters.py
checks every one against Textual); any other key is still asked of Textual.
"""

from __future__ import annotations

import textual.screen
from textual.keys import key_to_character

#: Textual's own answers for the named keys that are bound around a focused widget.
KNOWN: dict[str, str | None] = {
    "backspace": "\x08",
    "delete": "\x7f",
    "down": None,
    "end": None,
    "enter": None,
    "equals_sign": "=",
    "escape": "\x1b",
    "exclamation_mark": "!",
    "home": None,
    "insert": None,
    "left": None,
    "minus": None,
    "pagedown": None,
    "pageup": None,
    "plus": None,
    "question_mark": "?",
    "right": None,
    "space": " ",
    "tab": "\t",
    "up": None,
}


def character_of(key: str) -> str | None:
    """The character `key` types, as Textual's `key_to_character` says."""
    try:
        return KNOWN[key]
    except KeyError:
        return key_to_character(key)


def answer_for_textual() -> None:
    """Let Textual's screens ask `character_of` (the one place they ask, in the pinned
    Textual: `Screen._binding_chain`)."""
    textual.screen.key_to_character = character_of  # type: ignore[assignment,attr-defined]
