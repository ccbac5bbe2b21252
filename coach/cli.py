"""The `coach` command. Parsing is cheap; each command imports what it needs when it runs,
so `coach --help` and `coach --version` never load Textual or audio.

A few exact command lines, run by shell prompts and status bars many times a day, are answered
before argparse and the command modules load at all: see `FAST_PATHS`.
"""

from __future__ import annotations

import sys

#: `typing` costs a prompt more than the rest of its answer; mypy reads this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

#: Command lines (exactly these words, nothing more) answered by a function that imports only
#: what it needs: "module:function", called with no arguments, returning the exit status. The
#: same command line with anything else (`--help`, another option) goes through argparse as
#: usual, so a fast path must behave exactly as its parsed twin does.
FAST_PATHS: dict[tuple[str, ...], str] = {
    (): "coach.commands.session:open_home",  # `coach` alone: the home screen, first frame first
    ("status", "--short"): "coach.commands.prompt:status_short",
    ("nudge",): "coach.commands.nudge:nudge",
}


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from coach import __version__
    from coach.commands import (
        checkin,
        cramps,
        doctor,
        edit,
        history,
        nudge,
        remind,
        report,
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
    checkin.register(sub)
    edit.register(sub)
    cramps.register(sub)
    doctor.register(sub)
    remind.register(sub)
    nudge.register(sub)
    schedule.register(sub)
    report.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal or pipe that cannot show a character gets a stand-in, never a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
    words = tuple(sys.argv[1:] if argv is None else argv)
    fast = FAST_PATHS.get(words)
    return _guarded(_fast(fast) if fast is not None else lambda: _parsed(words))


def _fast(target: str) -> Callable[[], int]:
    """The function `target` ("module:function") names, imported only now."""
    from importlib import import_module

    module, _, function = target.partition(":")
    answer: Callable[[], int] = getattr(import_module(module), function)
    return answer


def _parsed(words: Sequence[str]) -> int:
    args = build_parser().parse_args(words)
    handler = getattr(args, "handler", None)
    if handler is None:
        from coach.commands.session import open_home

        return open_home()
    code: int = handler(args)
    return code


def _guarded(run: Callable[[], int]) -> int:
    """`run`'s exit status, with the ways a command line ends that are not its own doing."""
    try:
        return run()
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
