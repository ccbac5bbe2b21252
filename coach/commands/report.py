"""`coach report` (a record to take to a doctor or physiotherapist) and `coach print` (a routine
on one page). Markdown, HTML or PDF; the document libraries load only when asked for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coach.commands.common import say

if TYPE_CHECKING:
    from datetime import datetime

    from coach.history.store import HistoryStore
    from coach.report.documents import Format
    from coach.report.figures import Period

#: The format names, kept here too so `coach --help` does not load the report package.
FORMATS = ("md", "html", "pdf")


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

    p = sub.add_parser(
        "print",
        help="a routine on one page, with when to see a doctor and a 4-week grid of tick boxes",
    )
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


def deliver(data: str | bytes, output: Path | None, what: str) -> int:
    """Write `data` to `output` (as `coach export` writes) or standard output; say where."""
    from coach.commands.output import save_output

    to_stdout = output is None or str(output) == "-"
    if to_stdout and isinstance(data, bytes) and sys.stdout.isatty():
        say("a PDF is not for the terminal: add -o FILE.pdf (or pipe it to a file)")
        return 2
    content = data if isinstance(data, bytes) else lambda out: out.write(data)
    if not save_output(output or Path("-"), content):
        return 1
    if not to_stdout:
        print(f"Wrote {what} to {output}.", file=sys.stderr)
    return 0


def output_format(args: argparse.Namespace) -> Format:
    """`--format`, else the suffix of `-o`, else Markdown; a suffix coach does not know is
    written as Markdown, and said so, rather than silently (`-o report.docx`)."""
    from coach.report.documents import SUFFIXES, pick_format

    output: Path | None = args.output
    named = args.format is None and output is not None and str(output) != "-"
    if named and output is not None and output.suffix.lower() not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        say(f"{output.name}: written as Markdown (the suffixes coach knows: {known})")
    return pick_format(args.format, output)


def output_is_a_folder(output: Path | None, example: str) -> bool:
    """Whether `-o` names a folder, said in one line before anything is made (a report read
    and drawn, or a word about its format, only to end in "Is a directory")."""
    if output is None or not output.is_dir():
        return False
    say(f"cannot write {output}: it is a folder; name a file in it, e.g. {output / example}")
    return True


def read_period(args: argparse.Namespace, today: datetime) -> Period:
    from coach.report.figures import dated_period, default_period, since_period

    if args.end is not None and args.start is None:
        raise ValueError("--to needs --from")
    if args.since is not None:
        return since_period(args.since, today.date())
    if args.start is not None:
        return dated_period(args.start, args.end, today.date())
    return default_period(today.date())


def cmd_report(args: argparse.Namespace) -> int:
    from coach.commands.common import with_history
    from coach.history import local_now

    now = local_now()
    try:
        period = read_period(args, now)
    except ValueError as exc:
        say(str(exc))
        return 2
    if output_is_a_folder(args.output, "report.pdf"):
        return 1

    def write(store: HistoryStore) -> int:
        from coach.report.documents import make_report, render
        from coach.routine.catalog import Catalog
        from coach.settings import load_settings

        settings = load_settings()
        for problem in settings.problems:
            print(problem, file=sys.stderr)
        report = make_report(store, period, now, settings, Catalog.default())
        if report.period.start > period.start:
            say(f"nothing is recorded before {report.period.start}: the report starts there")
        if args.json:
            import json

            return deliver(
                json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n",
                args.output,
                "the report's figures",
            )
        return deliver(render(report, output_format(args), say), args.output, "the report")

    return with_history(write)


def cmd_print(args: argparse.Namespace) -> int:
    from coach.commands.routines import load_entry
    from coach.report.documents import render
    from coach.report.handout import handout
    from coach.routine.catalog import Catalog

    if output_is_a_folder(args.output, "handout.pdf"):
        return 1
    entry = load_entry(Catalog.default(), args.routine)
    assert entry.routine is not None
    drawn = render(handout(entry.routine), output_format(args), say)
    return deliver(drawn, args.output, "the handout")
