"""`coach cramp ...` and `coach tip`: being written."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Registers nothing yet."""
