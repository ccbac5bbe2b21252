"""Small pieces every command family shares: messages on stderr and argument types."""

from __future__ import annotations

import argparse
import sys


def say(message: str) -> None:
    """A message for the person, on stderr so that stdout stays clean for scripts."""
    print(f"coach: {message}", file=sys.stderr)


def positive_int(text: str) -> int:
    """An argparse type: a whole number, 1 or more, with a plain message otherwise."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, got {text!r}")
    return value
