"""`coach report` (a record to take to a doctor or physiotherapist) and `coach print` (a routine
on one page). Markdown, HTML or PDF; the document libraries load only when asked for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coach.commands.common import say

if TYPE_CHECKING:
    from datetime import datetime

    from coach.history.store import HistoryStore
    from coach.report.figures import Period, Report
    from coach.report.handout import Handout

Format = Literal["md", "html", "pdf"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf")
SUFFIXES: dict[str, Format] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SUFFIXES[".pdf"] = "pdf"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="a record of plan, sessions, pain and cramps to show a doctor or physiotherapist",
        description="Writes what was planned, what was done, how it felt and when cramps came"
        " over a period (default: the last 4 full weeks and this one).",
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--since", metavar="AGE", help="e.g. 4w (4 full weeks and this one) or 30d")
    when.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default today)")
    _output_options(p)
    p.add_argument("--json", action="store_true", help="print the figures as JSON instead")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("print", help="a routine on one page, with a 4-week grid of tick boxes")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    _output_options(p)
    p.set_defaults(handler=cmd_print)


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="md, html or pdf (default: from the suffix of -o, else Markdown)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")


def pick_format(chosen: str | None, output: Path | None) -> Format:
    """`--format`, else the suffix of `-o`, else Markdown."""
    for fmt in FORMATS:
        if chosen == fmt:
            return fmt
    if output is not None:
        return SUFFIXES.get(output.suffix.lower(), "md")
    return "md"


def render(document: Report | Handout, fmt: Format) -> str | bytes:
    """A report or a handout in `fmt`; only that format's libraries are loaded."""
    from importlib import import_module

    from coach.report.handout import Handout

    module = import_module(f"coach.report.render_{fmt}")
    drawn: str | bytes = (
        module.handout(document) if isinstance(document, Handout) else module.report(document)
    )
    return drawn


def deliver(data: str | bytes, output: Path | None, what: str) -> int:
    """Write `data` to `output` (atomically) or standard output; say where it went."""
    from typing import TextIO

    from coach.commands.history import write_atomically

    def fill(out: TextIO) -> None:
        if isinstance(data, bytes):
            out.flush()
            out.buffer.write(data)
            out.buffer.flush()
        else:
            out.write(data)

    if output is None:
        if isinstance(data, bytes) and sys.stdout.isatty():
            say("a PDF is not for the terminal: add -o FILE.pdf (or pipe it to a file)")
            return 2
        fill(sys.stdout)
        return 0
    try:
        write_atomically(output, fill)
    except OSError as exc:
        say(f"cannot write {output}: {exc.strerror or exc}")
        return 1
    print(f"Wrote {what} to {output}.", file=sys.stderr)
    return 0


def handouts_for(store: HistoryStore, routine_ids: list[str]) -> dict[str, Handout | str]:
    """Each planned routine's handout with today's doses, or why it cannot be read."""
    from coach.history.stats import completed_days
    from coach.report.handout import handout
    from coach.routine import progression
    from coach.routine.catalog import Catalog, UnknownRoutine

    catalog = Catalog.default()
    found: dict[str, Handout | str] = {}
    for routine_id in dict.fromkeys(routine_ids):
        try:
            entry = catalog.find(routine_id)
        except UnknownRoutine:
            found[routine_id] = "no such routine"
            continue
        if entry.routine is None:
            found[routine_id] = "its file has mistakes"
            continue
        routine = entry.routine
        if progression.has_progress(routine):
            routine = progression.apply(routine, completed_days(store, routine.id))
        found[routine_id] = handout(routine)
    return found


def make_report(store: HistoryStore, period: Period, made: datetime) -> Report:
    """The report of `period` from the user's settings, routines and `store`."""
    from coach.report.figures import build_report
    from coach.report.sources import plan_entries
    from coach.settings import load_settings

    settings = load_settings()
    for problem in settings.problems:
        print(problem, file=sys.stderr)
    entries = plan_entries(settings)
    handouts = handouts_for(store, [e.routine for e in entries])
    return build_report(store, period, made, entries, handouts)


def read_period(args: argparse.Namespace, today: datetime) -> Period:
    from coach.report.figures import dated_period, default_period, since_period

    if args.since is not None:
        return since_period(args.since, today.date())
    if args.start is not None:
        return dated_period(args.start, args.end, today.date())
    if args.end is not None:
        raise ValueError("--to needs --from")
    return default_period(today.date())


def cmd_report(args: argparse.Namespace) -> int:
    from coach.commands.history import with_history
    from coach.history.records import local_now

    now = local_now()
    try:
        period = read_period(args, now)
    except ValueError as exc:
        say(str(exc))
        return 2

    def write(store: HistoryStore) -> int:
        report = make_report(store, period, now)
        if args.json:
            import json

            return deliver(
                json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n",
                args.output,
                "the report's figures",
            )
        fmt = pick_format(args.format, args.output)
        return deliver(render(report, fmt), args.output, "the report")

    return with_history(write)


def cmd_print(args: argparse.Namespace) -> int:
    from coach.commands.routines import load_entry
    from coach.report.handout import handout
    from coach.routine.catalog import Catalog

    entry = load_entry(Catalog.default(), args.routine)
    assert entry.routine is not None
    fmt = pick_format(args.format, args.output)
    return deliver(render(handout(entry.routine), fmt), args.output, "the handout")
