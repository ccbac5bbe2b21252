"""The `coach` command. Parsing is cheap; each command imports what it needs when it runs,
so `coach --help` and `coach --version` never load Textual or audio."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing`'s: importing typing costs `coach nudge` its speed
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

#: Commands that run in every new shell or prompt, by their exact arguments: the module and
#: function that handle them, imported alone (no argparse, no other command family).
FAST_PATHS: dict[tuple[str, ...], tuple[str, str]] = {("nudge",): ("coach.commands.nudge", "nudge")}


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from coach import __version__
    from coach.commands import (
        cramps,
        doctor,
        edit,
        history,
        nudge,
        remind,
        routines,
        schedule,
        session,
    )

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
    remind.register(sub)
    nudge.register(sub)
    schedule.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal or pipe that cannot show a character gets a stand-in, never a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
    fast = FAST_PATHS.get(tuple(sys.argv[1:] if argv is None else argv))
    if fast is None:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None)
    try:
        if fast is not None:
            return run_fast(*fast)
        if handler is None:
            from coach.commands import session

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


def run_fast(module: str, function: str) -> int:
    import importlib

    command: Callable[[], int] = getattr(importlib.import_module(module), function)
    return command()


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
