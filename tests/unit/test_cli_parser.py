"""`coach run` builds a parser holding only its own command (ONE_COMMAND in coach.cli), so a
session does not carry every other command's parser in its memory. That parser must answer
every `run` command line exactly as the whole tree does: the same arguments, the same help,
the same errors and exit statuses."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
from pathlib import Path

import pytest
from fresh_python import run_and_list

from coach.cli import COMMAND_MODULES, ONE_COMMAND, build_parser, parser_for

RUN_LINES = [
    ["run", "foot-daily"],
    ["run", "foot-daily", "--plain", "--mute", "--no-voice", "--resume", "--no-checkin"],
    ["run", "--pla", "foot-daily"],  # argparse takes a prefix of an option
    ["run", "./mine.yaml", "--no-voice"],
    ["run", "--help"],
    ["run", "-h", "foot-daily"],
    ["run"],  # no routine
    ["run", "foot-daily", "foot-quick"],  # one too many
    ["run", "foot-daily", "--bogus"],
    ["run", "foot-daily", "--version"],  # an option of `coach`, not of `run`
    ["run", "--plain=yes", "foot-daily"],
    ["run", "--", "--plain"],  # a routine named like an option
]


def outcome(parser: argparse.ArgumentParser, words: list[str]) -> tuple[object, str, str]:
    """What parsing `words` gives: the arguments (or the exit status), stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(words))
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


def commands_of(parser: argparse.ArgumentParser) -> list[str]:
    """The command words `parser` knows."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


@pytest.mark.parametrize("words", RUN_LINES, ids=" ".join)
def test_the_run_parser_answers_as_the_whole_tree_does(words: list[str]) -> None:
    one = parser_for(words)
    assert outcome(one, words) == outcome(build_parser(), words)


def test_the_run_parser_holds_only_the_run_command() -> None:
    assert commands_of(parser_for(["run"])) == ["run"]


def test_other_command_lines_build_every_command() -> None:
    every = commands_of(build_parser())
    assert {"run", "history", "list", "doctor"} <= set(every)
    for words in (["list"], ["--help"], [], ["running"], ["history", "run"]):
        assert commands_of(parser_for(words)) == every, words


def test_every_one_command_module_is_a_command_module_that_registers_it() -> None:
    for word, module in ONE_COMMAND.items():
        assert module in COMMAND_MODULES
        assert word in commands_of(build_parser((module,)))


def test_run_help_loads_no_other_command_and_no_argparse_tree() -> None:
    """Through `main`, as a person types it: `coach run --help` prints the run command's
    help, exits 0, and loads no other command's module."""
    code = (
        "from coach.cli import main\n"
        "try:\n"
        "    main(['run', '--help'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
    )
    printed, loaded = run_and_list(code)
    assert printed.startswith("usage: coach run [-h]")
    assert printed.endswith("exit 0\n")
    commands = {m for m in loaded if m.startswith("coach.commands.")}
    assert commands == {"coach.commands.session", "coach.commands.common"}


@pytest.mark.parametrize("routine", ["foot-daily", "./mine.yaml", "", "no such routine"])
def test_run_with_one_routine_plays_it_as_the_parsed_command_does(
    routine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`coach run ROUTINE` alone skips argparse (ONE_OPERAND in coach.cli): the session it
    starts must be the one the parsed command line starts, every argument the same."""
    import inspect

    from coach import cli
    from coach.commands import session

    played: list[dict[str, object]] = []
    signature = inspect.signature(session.play)

    def play(*args: object, **kwargs: object) -> int:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        played.append(dict(bound.arguments))
        return 7

    monkeypatch.setattr(session, "play", play)
    assert cli.main(["run", routine]) == 7
    assert cli._parsed(["run", routine]) == 7
    assert played[0] == played[1]
    assert played[0]["ref"] == routine


@pytest.mark.parametrize(
    "words", [["run", "--help"], ["run", "-h"], ["run", "foot-daily", "--plain"], ["run"]]
)
def test_run_with_an_option_or_no_routine_is_argparses(
    words: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach import cli

    parsed: list[tuple[str, ...]] = []
    monkeypatch.setattr(cli, "_parsed", lambda words: parsed.append(tuple(words)) or 0)
    assert cli.main(words) == 0
    assert parsed == [tuple(words)]


def test_run_with_one_routine_loads_no_argparse(tmp_path: Path) -> None:
    """Through `main` as a person types it, to where the player would start (no terminal
    here): the routine is found and loaded with today's progression, and neither argparse nor
    gettext is in memory, where they would stay for the whole session."""
    env = {
        **os.environ,
        **{f"COACH_{kind}_DIR": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "CACHE")},
    }
    printed, loaded = run_and_list(
        "from coach.cli import main\nprint('exit', main(['run', 'foot-quick']))\n", env
    )
    assert printed.endswith("exit 2\n")  # the player needs a terminal
    assert "coach.routine.loader" in loaded and "coach.history.progress" in loaded
    assert {"argparse", "gettext"} & set(loaded) == set()
