"""Small pieces every command family shares: messages on stderr and argument types."""

from __future__ import annotations

import argparse
import sys


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
