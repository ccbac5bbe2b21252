"""Opening a terminal that runs coach, for a reminder's "Start" button.

The terminal is the `terminal:` setting (a command line holding `{command}`), else
`$TERMINAL -e`, else `xdg-terminal-exec`, else Debian's `x-terminal-emulator -e`.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence

PLACEHOLDER = "{command}"


class NoTerminal(Exception):
    """No terminal to open, or it would not start; the message says which."""


def terminal_command(
    command: Sequence[str],
    setting: str | None,
    env: Mapping[str, str],
    which: Callable[[str], str | None] = shutil.which,
) -> list[str]:
    """The full command line that opens a terminal running `command`."""
    if setting:
        try:
            given = shlex.split(setting)
        except ValueError as exc:
            raise NoTerminal(f"the `terminal` setting cannot be read: {exc}") from None
        words: list[str] = []
        for word in given:
            if word == PLACEHOLDER:
                words += command  # `foot -e {command}`: coach's words as they are
            else:
                words.append(word.replace(PLACEHOLDER, shlex.join(command)))
        return words
    if env.get("TERMINAL"):
        return [*shlex.split(env["TERMINAL"]), "-e", *command]
    if which("xdg-terminal-exec"):
        return ["xdg-terminal-exec", *command]
    if which("x-terminal-emulator"):
        return ["x-terminal-emulator", "-e", *command]
    raise NoTerminal(
        "no terminal to start coach in: set `terminal:` in the settings"
        " (e.g. terminal: foot -e {command}) or $TERMINAL"
    )


def open_terminal(argv: Sequence[str]) -> None:
    """Start the terminal on its own, so it outlives the reminder that opened it."""
    try:
        subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError) as exc:
        raise NoTerminal(f"cannot start {argv[0]}: {exc}") from None
