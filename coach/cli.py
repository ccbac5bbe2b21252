"""The `coach` command. Parsing is cheap; each command imports what it needs when it runs,
so `coach --help` and `coach --version` never load Textual or audio."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from coach import __version__
from coach.commands import checkin, cramps, doctor, edit, history, remind, routines, session


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
    checkin.register(sub)
    edit.register(sub)
    cramps.register(sub)
    doctor.register(sub)
    remind.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal or pipe that cannot show a character gets a stand-in, never a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
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
        # `coach list | head`: the reader left. Say nothing more, and exit as a shell's
        # command killed by SIGPIPE does, so `run --plain | head` does not look complete.
        _silence_stdout()
        return 141
    except OSError as exc:
        if exc.filename is not None:
            raise
        print(f"coach: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
