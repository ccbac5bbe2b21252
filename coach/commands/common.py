"""Small pieces every command family shares: messages on stderr and argument types."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection, Sequence


def say(message: str) -> None:
    """A message for the person, on stderr so that stdout stays clean for scripts."""
    print(f"coach: {message}", file=sys.stderr)


#: More than any history or diary holds; keeps numbers within what SQLite can take.
MAX_COUNT = 1_000_000


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1 to MAX_COUNT, with a plain message otherwise."""
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
