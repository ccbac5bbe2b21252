"""`coach cramp log|list|trends|now` and `coach tip`: the cramp diary and daily tips (what
`cramp now` does after its parser is in `cramp_now`).

Only the allowed values and the red-flag text are loaded to build the parser; the diary, the
history and the player are imported by the command that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.commands.common import WRAP, positive_int, print_table, say, with_history, wrapped
from coach.cramps import values
from coach.cramps.guidance import red_flags_text

if TYPE_CHECKING:
    from datetime import date, datetime

    from coach.cramps.records import CrampRecord
    from coach.history.store import HistoryStore

DEFAULT_LIMIT = 20
_NOT_ADVICE = "coach gives general information, not medical advice."

_NIGHT = f"{values.NIGHT_STARTS_HOUR:02d}:00 to {values.NIGHT_ENDS_HOUR:02d}:00"
_DEFAULTS = (
    "Logging is quick: every detail has a default. With no options a cramp is logged as"
    f" happening now: foot {values.DEFAULT_FOOT}, where {values.DEFAULT_PLACE}, severity"
    f" {values.DEFAULT_SEVERITY}, duration {values.DEFAULT_DURATION}, and context `night`"
    f" from {_NIGHT}, `other` at other times."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cramp = sub.add_parser(
        "cramp",
        help="the cramp diary: log a cramp, list them, or get relief now",
        description="A diary of foot and calf cramps, and step-by-step relief for one now.",
        epilog=f"{wrapped(_DEFAULTS)}\n\n{wrapped(_NOT_ADVICE)}\n\n{red_flags_text(WRAP)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cramp.set_defaults(handler=lambda args: _help(cramp))
    verbs = cramp.add_subparsers(title="commands", metavar="COMMAND")

    p = verbs.add_parser(
        "log",
        help="record a cramp; every option has a default, so `coach cramp log` is enough",
        description=_DEFAULTS,
    )
    _options(p)
    p.set_defaults(handler=cmd_log)

    p = verbs.add_parser("list", help="the cramps you logged, newest first")
    p.add_argument("--json", action="store_true", help="print JSON for scripts (every cramp)")
    p.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=f"at most N cramps (default {DEFAULT_LIMIT})",
    )
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser(
        "trends", help="cramps and routine sessions per week, and before and after you started"
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_trends)

    p = verbs.add_parser(
        "now",
        help="relief for a cramp happening now (no preview), then offer to log it",
        epilog=red_flags_text(WRAP),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--plain", action="store_true", help="no TUI: one line per step")
    p.add_argument("--mute", action="store_true", help="no sound cues")
    p.add_argument("--no-voice", action="store_true", help="beeps only, no spoken cues")
    p.set_defaults(handler=_now)

    p = sub.add_parser("tip", help="today's tip on cramps and foot care")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the tip of another day")
    p.add_argument("--all", action="store_true", help="every tip, numbered")
    p.set_defaults(handler=cmd_tip)


def _options(p: argparse.ArgumentParser) -> None:
    def choices(what: str, allowed: tuple[str, ...]) -> Callable[[str], str]:
        def read(text: str) -> str:
            try:
                return values.read_choice(what, text, allowed)
            except values.CrampValueError as exc:
                raise argparse.ArgumentTypeError(str(exc)) from None

        return read

    def severity(text: str) -> int:
        try:
            return values.read_severity(text)
        except values.CrampValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    def menu(allowed: tuple[str, ...]) -> str:
        return "{" + ",".join(allowed) + "}"

    p.add_argument(
        "--foot",
        type=choices("foot", values.FEET),
        default=values.DEFAULT_FOOT,
        metavar=menu(values.FEET),
        help=f"default: {values.DEFAULT_FOOT}",
    )
    p.add_argument(
        "--where",
        type=choices("where", values.PLACES),
        default=values.DEFAULT_PLACE,
        metavar=menu(values.PLACES),
        help=f"default: {values.DEFAULT_PLACE}",
    )
    p.add_argument(
        "--severity",
        type=severity,
        default=values.DEFAULT_SEVERITY,
        metavar="N",
        help=f"how bad, 1 (mild) to 10 (worst); default: {values.DEFAULT_SEVERITY}",
    )
    p.add_argument(
        "--duration",
        type=choices("duration", values.DURATIONS),
        default=values.DEFAULT_DURATION,
        metavar=menu(values.DURATIONS),
        help=f"default: {values.DEFAULT_DURATION}",
    )
    p.add_argument(
        "--context",
        type=choices("context", values.CONTEXTS),
        metavar=menu(values.CONTEXTS),
        help=(
            "night: in bed at night; exercise: during or after it;"
            f" default: night from {_NIGHT} (at the --at time), else other"
        ),
    )
    p.add_argument(
        "--at",
        metavar="TIME",
        help="when it happened (default: now): 03:10, 'yesterday 23:40' or 2024-05-01T03:10",
    )
    p.add_argument("--note", metavar="TEXT", help="anything else worth remembering")


def _now(args: argparse.Namespace) -> int:
    from coach.commands.cramp_now import cmd_now

    return cmd_now(args)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2024-05-01, got {text!r}") from None


# -- log -----------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    from coach.cramps.records import new_cramp
    from coach.history import local_now
    from coach.history.when import WhenError, parse_when

    now = local_now()
    at = now
    if args.at is not None:
        try:
            at = parse_when(args.at, now)
        except WhenError as exc:
            say(f"--at: {exc}")
            return 2
    record = new_cramp(
        at,
        foot=args.foot,
        where=args.where,
        severity=args.severity,
        duration=args.duration,
        context=args.context,
        note=args.note,
    )
    return with_history(lambda store: store_cramp(store, record, now), create=True)


def store_cramp(store: HistoryStore, record: CrampRecord, now: datetime) -> int:
    """Keep the cramp, say what was kept, and add the doctor notice when a pattern shows."""
    from datetime import timedelta

    from coach.cramps.diary import CrampDiary
    from coach.cramps.guidance import LOOKBACK_DAYS, notice_after_log

    diary = CrampDiary(store)
    saved = diary.log(record)
    print(f"Logged a cramp at {saved.moment:%Y-%m-%d %H:%M}: {saved.describe()}.")
    notice = notice_after_log(diary.cramps(since=now - timedelta(days=LOOKBACK_DAYS)), now)
    if notice:
        print()
        print(wrapped(notice))
    return 0


# -- list and trends -----------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    def show(store: HistoryStore) -> int:
        import json

        from coach.cramps.diary import CrampDiary
        from coach.history import local_now

        diary = CrampDiary(store)
        limit = args.limit if args.limit is not None or args.json else DEFAULT_LIMIT
        cramps = diary.cramps(limit=limit)
        if args.json:
            print(json.dumps([c.to_json() for c in cramps], indent=2, ensure_ascii=False))
            return 0
        if not cramps:
            print("No cramps logged yet. `coach cramp log` records one.")
            return 0
        _table(cramps)
        total = diary.count()
        if total > len(cramps):
            print(f"\n{len(cramps)} of {total} cramps shown; --limit N shows more.")
        print()
        print(wrapped(diary.trends(local_now().date()).comparison.sentence()))
        return 0

    return with_history(show)


def _table(cramps: list[CrampRecord]) -> None:
    from coach.text import printable

    rows = [("id", "when", "foot", "where", "severity", "duration", "context", "note")]
    for c in cramps:
        when = f"{c.moment:%Y-%m-%d %H:%M}"
        # A row is one line: a note's own lines are joined (the JSON keeps them as written).
        note = " / ".join(filter(None, (line.strip() for line in (c.note or "").splitlines())))
        note = printable(note)
        rows.append(
            (
                str(c.id),
                when,
                c.foot,
                c.where,
                str(c.severity),
                values.DURATION_WORDS.get(c.duration, c.duration),
                values.CONTEXT_WORDS.get(c.context, c.context),
                note,
            )
        )
    print_table(rows, right={0})


def cmd_trends(args: argparse.Namespace) -> int:
    def show(store: HistoryStore) -> int:
        import json

        from coach.cramps.diary import CrampDiary
        from coach.history import local_now

        trends = CrampDiary(store).trends(local_now().date())
        if args.json:
            print(json.dumps(trends.to_json(), indent=2))
            return 0
        print(f"{'Week of':<12}{'cramps':>8}{'sessions':>10}")
        for week in trends.weeks:
            print(f"{week.start.isoformat():<12}{week.cramps:>8}{week.sessions:>10}")
        print()
        print(wrapped(trends.comparison.sentence()))
        return 0

    return with_history(show)


# -- tip -----------------------------------------------------------------------------------


def cmd_tip(args: argparse.Namespace) -> int:
    from coach.cramps.tips import load_tips, tip_for
    from coach.history import local_now

    book = load_tips()
    for problem in book.problems:
        print(problem, file=sys.stderr)
    if args.all:
        for n, tip in enumerate(book.tips, start=1):
            print(wrapped(f"{n}. {tip.text}"))
            if tip.source:
                print(f"   Source: {tip.source}")
        return 0
    tip = tip_for(book.tips, args.date or local_now().date())
    print(wrapped(tip.text))
    if tip.source:
        print(f"Source: {tip.source}")
    return 0
