"""`coach cramp now`: the relief routine at once, then a few questions, each with its default
on Enter, to log the cramp it was for."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.commands.common import WRAP, with_history
from coach.commands.cramps import store_cramp
from coach.cramps import values
from coach.cramps.guidance import red_flags_text

if TYPE_CHECKING:
    from datetime import datetime

    from coach.cramps.records import CrampRecord


def interactive() -> bool:
    """Whether a person is at a terminal to answer questions."""
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def ask(prompt: str) -> str | None:
    """A typed answer, or None at the end of input."""
    try:
        return input(prompt)
    except EOFError:
        return None


def cmd_now(args: argparse.Namespace) -> int:
    from coach.commands import session
    from coach.cramps.values import RELIEF_ROUTINE
    from coach.history import local_now

    started = local_now()
    plain = args.plain or not sys.stdout.isatty()
    code = session.play(RELIEF_ROUTINE, plain=plain, mute=args.mute, no_voice=args.no_voice)
    if not plain:
        return code  # the app ended it as `!` on home does: the red flags, the cramp offer
    print()
    print(red_flags_text(WRAP))
    print()
    if code != 130 and interactive():
        record = _ask_details(started)
        if record is not None:
            logged = with_history(
                lambda store: store_cramp(store, record, local_now()), create=True
            )
            return code or logged
        print("Not logged.")
    print(f"To log this cramp: coach cramp log --at {_at_words(started, local_now())}")
    return code


def _ask_details(started: datetime) -> CrampRecord | None:
    """Ask whether to log the cramp and, Enter taking each default, its details."""
    from coach.cramps.records import new_cramp

    while True:
        answer = ask("Log this cramp? [Y/n] ")
        if answer is None:
            return None
        word = answer.strip().lower()
        if word in ("n", "no"):
            return None
        if word in ("", "y", "yes"):
            break
    context = values.default_context(started)
    questions: list[tuple[str, str, object, Callable[[str], object]]] = [
        ("where", "Where: toes, arch, heel or calf?", values.DEFAULT_PLACE, _reader("where")),
        ("foot", "Which foot: left, right or both?", values.DEFAULT_FOOT, _reader("foot")),
        ("severity", "How bad, 1 to 10?", values.DEFAULT_SEVERITY, values.read_severity),
        (
            "duration",
            "How long: under-1-min, 1-10-min or over-10-min?",
            values.DEFAULT_DURATION,
            _reader("duration"),
        ),
        (
            "context",
            "When: night, exercise, sitting, standing or other?",
            context,
            _reader("context"),
        ),
    ]
    details = {key: default for key, _, default, _ in questions}
    for key, question, default, read in questions:
        while True:
            answer = ask(f"{question} [{default}] ")
            if answer is None or not answer.strip():
                break
            try:
                details[key] = read(answer)
                break
            except values.CrampValueError as exc:
                print(exc)
        if answer is None:
            break  # end of input: the defaults for the rest
    return new_cramp(
        started,
        foot=str(details["foot"]),
        where=str(details["where"]),
        severity=details["severity"],
        duration=str(details["duration"]),
        context=str(details["context"]),
    )


def _reader(what: str) -> Callable[[str], object]:
    allowed = {
        "where": values.PLACES,
        "foot": values.FEET,
        "duration": values.DURATIONS,
        "context": values.CONTEXTS,
    }[what]
    return lambda text: values.read_choice(what, text, allowed)


def _at_words(moment: datetime, now: datetime) -> str:
    """`moment` as `coach cramp log --at` reads it: HH:MM today, 'yesterday HH:MM', or ISO."""
    from datetime import timedelta

    clock = f"{moment:%H:%M}"
    if moment.date() == now.date():
        return clock
    if moment.date() == now.date() - timedelta(days=1):
        return f"'yesterday {clock}'"
    return f"{moment:%Y-%m-%dT%H:%M}"
