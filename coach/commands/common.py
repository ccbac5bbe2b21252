"""Small pieces every command family shares: messages on stderr, argument types, the history,
tables. Light to import (no argparse, no storage until used): the prompt fast path uses it."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in coach.cli: no `typing` on the prompt's fast path
if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

    from coach.history.store import HistoryStore


#: Where the CLI wraps its sentences: a terminal of 80 columns with room to spare.
WRAP = 76


def wrapped(text: str) -> str:
    """`text` as lines of at most `WRAP` characters, for a paragraph printed to a terminal."""
    import textwrap

    return textwrap.fill(text, width=WRAP)


def say(message: str) -> None:
    """A message for the person, on stderr so that stdout stays clean for scripts."""
    print(f"coach: {message}", file=sys.stderr)


#: More than any history or diary holds; keeps numbers within what SQLite can take.
MAX_COUNT = 1_000_000


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1 to MAX_COUNT, with a plain message otherwise."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_COUNT:,}, got {text!r}"
        )
    return value


def print_table(rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> None:
    """Print `rows` as columns two spaces apart, each as wide as its widest cell; the columns
    whose numbers are in `right` (counts, ids) are aligned right.

    A row's last cell is never padded and does not widen its column, so a shorter row (a
    broken routine's message, a note) simply runs on to the end of its line.
    """
    widths: dict[int, int] = {}
    for row in rows:
        for column, cell in enumerate(row[:-1]):
            widths[column] = max(widths.get(column, 0), len(cell))
    for row in rows:
        cells = [
            cell.rjust(widths[column]) if column in right else cell.ljust(widths[column])
            for column, cell in enumerate(row[:-1])
        ]
        print("  ".join([*cells, *row[-1:]]).rstrip())


def with_history(body: Callable[[HistoryStore], int], *, create: bool = False) -> int:
    """Run `body` on the user's history; a clear message and exit 1 when it cannot be used.

    Damage found only while reading (the file's header looked fine) is handled like damage
    found on opening: the file is moved aside and `body` runs once more on a fresh history.
    """
    import sqlite3

    from coach.history.database import HistoryUnavailable, is_damage
    from coach.history.store import HistoryStore

    try:
        store = HistoryStore.open(create=create)
    except HistoryUnavailable as exc:
        say(f"history is not available: {exc}")
        return 1
    for notice in store.notices:
        say(notice)
    try:
        try:
            return body(store)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            store.recover(exc)
            say(store.notices[-1])
            return body(store)
    except BrokenPipeError:
        raise  # the reader of our output left: not a problem with the history
    except (sqlite3.Error, OSError, HistoryUnavailable) as exc:
        say(f"history could not be used: {exc}")
        return 1
    finally:
        store.close()
