"""The `coach` command. Parsing is cheap; each command imports what it needs when it runs,
so `coach --help` and `coach --version` never load Textual or audio.

A few exact command lines, run by shell prompts and status bars many times a day, are answered
before argparse and the command modules load at all: see `FAST_PATHS`. So is `coach run
ROUTINE` with no option, whose session would carry argparse all along (`ONE_OPERAND`); with
options, a session builds only its own command's parser (`ONE_COMMAND`).
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

#: Commands answered as `FAST_PATHS` are when their line is the command and one operand, no
#: option: "module:function", called with the operand. `coach run ROUTINE` is how a session
#: starts from a shell or a launcher, and a session lives as long as its routine: argparse and
#: gettext would sit in its memory all along (about 0.4 MB of its peak,
#: benchmarks/bench_memory.py). An operand that begins with a dash (`-h`, `--plain`) is
#: argparse's to read.
ONE_OPERAND: dict[str, str] = {"run": "coach.commands.session:run_routine"}

#: The command modules, in the order `coach --help` lists their commands.
COMMAND_MODULES = (
    "routines",
    "session",
    "history",
    "checkin",
    "edit",
    "cramps",
    "doctor",
    "remind",
    "nudge",
    "schedule",
    "report",
)

#: A command line whose first word is one of these builds a parser holding only the module that
#: registers that command. A session lives as long as its routine, and every other command's
#: parser (and the modules defining it) would sit in its memory all along: about 1 MB of a
#: session's peak (benchmarks/bench_memory.py). The usage lines, help and error messages are
#: argparse's own either way: a parser with one subparser words them as the whole tree does
#: (tests/unit/test_cli_parser.py).
ONE_COMMAND: dict[str, str] = {"run": "session"}


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The `coach` parser with the commands of `modules` (names in `coach.commands`)."""
    import argparse
    from importlib import import_module

    from coach import __version__

    parser = argparse.ArgumentParser(
        prog="coach",
        description="A terminal exercise coach for foot and calf routines.",
        epilog="With no command, coach opens its home screen.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in modules:
        import_module(f"coach.commands.{name}").register(sub)
    return parser


def parser_for(words: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for this command line: only its command's module when `ONE_COMMAND` names
    its first word, else every command."""
    module = ONE_COMMAND.get(words[0]) if words else None
    return build_parser((module,) if module is not None else COMMAND_MODULES)


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal or pipe that cannot show a character gets a stand-in, never a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
    words = tuple(sys.argv[1:] if argv is None else argv)
    fast = FAST_PATHS.get(words)
    if fast is not None:
        return _guarded(_fast(fast))
    operand = ONE_OPERAND.get(words[0]) if len(words) == 2 else None
    if operand is not None and not words[1].startswith("-"):
        with_operand = _fast(operand)
        return _guarded(lambda: with_operand(words[1]))
    return _guarded(lambda: _parsed(words))


def _fast(target: str) -> Callable[..., int]:
    """The function `target` ("module:function") names, imported only now."""
    from importlib import import_module

    module, _, function = target.partition(":")
    answer: Callable[..., int] = getattr(import_module(module), function)
    return answer


#: Options whose value may begin with a dash: a note "- left foot", `--since -3d`. argparse
#: takes such a value for an option and stops at "expected one argument"; written as
#: `--since=-3d` it reaches the option, and the command's own message.
DASH_VALUES = ("--since", "--at", "--note")


def _dash_values(words: Sequence[str]) -> list[str]:
    """`words` with `--note -x` joined into `--note=-x` for the options of `DASH_VALUES`,
    when what follows is neither a long option (`--foot`) nor a short one (`-o`)."""
    joined: list[str] = []
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--":  # what follows is operands, never options: left as written
            return [*joined, word, *rest]
        value = rest[0] if rest else ""
        short = len(value) == 2 and value[1].isalpha()
        if word in DASH_VALUES and value.startswith("-") and value[1:2] != "-" and not short:
            word = f"{word}={rest.pop(0)}"
        joined.append(word)
    return joined


def _parsed(words: Sequence[str]) -> int:
    words = _dash_values(words)
    args = parser_for(words).parse_args(words)
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
