"""The `coach` command. Parsing is cheap; each command imports what it needs when it runs,
so `coach --help` and `coach --version` never load Textual or audio."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from coach import __version__
from coach.commands import cramps, doctor, edit, history, routines, session


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="A terminal exercise coach for foot and calf routines.",
        epilog="With no command, coach opens its home screen.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    routines.register(sub)
    session.register(sub)
    history.register(sub)
    edit.register(sub)
    cramps.register(sub)
    doctor.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return session.open_home()
        code: int = handler(args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `coach list | head`: the reader left; say nothing more.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
