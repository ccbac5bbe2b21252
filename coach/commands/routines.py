"""`coach list`, `coach plan`, `coach validate`, `coach schema`, `coach exercises`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coach import text

if TYPE_CHECKING:
    import argparse  # types only: `coach run ROUTINE` loads `load_entry` without argparse

    from coach.routine.catalog import Catalog, RoutineEntry


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list every routine (yours first)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("plan", help="show a routine's timeline, segment by segment")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_plan)

    p = sub.add_parser("validate", help="check routine files; errors as PATH:LINE:COL: message")
    p.add_argument("paths", metavar="PATH", nargs="+", type=Path)
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the routine format")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("exercises", help="list the exercise library")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_exercises)


def load_entry(catalog: Catalog, ref: str) -> RoutineEntry:
    """The routine named on the command line, loaded with today's progression (so `plan`,
    `run` and `log` agree); SystemExit(1) with a clear message if it cannot be loaded."""
    from dataclasses import replace

    from coach.history.database import HistoryUnavailable
    from coach.history.progress import todays_routine
    from coach.routine.catalog import UnknownRoutine

    try:
        entry = catalog.find(ref)
    except UnknownRoutine as exc:
        raise SystemExit(f"coach: {exc}") from None
    report_library(catalog)
    if entry.routine is None:
        for problem in entry.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(1)
    try:
        return replace(entry, routine=todays_routine(entry.routine))
    except HistoryUnavailable as exc:
        print(f"coach: cannot read history ({exc}); steps start as written", file=sys.stderr)
        return entry


def report_library(catalog: Catalog) -> None:
    """Problems in the user's own exercise library, which would otherwise pass unseen."""
    for problem in catalog.library_problems:
        print(f"{problem} (your exercise library; bundled entries are used)", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    from coach.commands.common import print_table
    from coach.routine.catalog import Catalog, count_exercises
    from coach.routine.timeline import expand

    catalog = Catalog.default()
    entries = catalog.entries()
    report_library(catalog)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], indent=2))
        return 0
    if not entries:
        print("No routines found.")
        return 0
    rows: list[tuple[str, ...]] = []
    for entry in entries:
        if entry.routine is None:
            rows.append((entry.id, f"BROKEN  {entry.error}"))
            continue
        length = expand(entry.routine).length
        count = text.plural(count_exercises(entry.routine), "exercise")
        rows.append((entry.id, entry.routine.name, length, count, entry.source))
    print_table(rows, right={2})
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from coach.routine import progression
    from coach.routine.catalog import Catalog
    from coach.routine.timeline import amount_text, expand, where_text

    entry = load_entry(Catalog.default(), args.routine)
    routine = entry.routine
    assert routine is not None
    timeline = expand(routine)
    if args.json:
        plan = {**timeline.to_json(), "progression": progression.to_json(routine)}
        print(json.dumps(plan, indent=2))
        return 0
    print(f"{timeline.name} ({entry.id}): {timeline.length}")
    for why in progression.explanations(routine):
        print(f"  today: {why}")
    for seg in timeline.segments:
        at = text.clock(seg.start_s)
        what = seg.name if seg.kind != "prepare" else f"get ready: {seg.name}"
        detail = ", ".join(filter(None, [where_text(seg)]))
        size = amount_text(seg) if seg.kind == "work" else text.length(seg.duration_s or 0)
        print(f"  {at:>7}  {seg.kind:<8} {what}{f' ({detail})' if detail else ''}  {size}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from coach.problems import FileProblems, Problem
    from coach.routine.catalog import Catalog
    from coach.routine.files import LIBRARY_FILE
    from coach.routine.loader import load_exercises

    catalog = Catalog.default()
    bundled_library = catalog.bundled_dir / LIBRARY_FILE
    printed: dict[str, None] = {}  # in the order of the files given, without repeats
    for path in args.paths:
        problems: list[Problem] = []
        try:
            if path.name == LIBRARY_FILE:
                # A user's library adds to the bundled one: check it the way it is used.
                own = path.resolve() == bundled_library.resolve()
                load_exercises(path, None if own else load_exercises(bundled_library))
            else:
                problems = list(catalog.load(path).problems)
        except FileProblems as exc:
            problems = exc.problems
        printed.update(dict.fromkeys(str(p) for p in problems))
    printed.update(dict.fromkeys(str(p) for p in catalog.library_problems))
    for line in printed:
        print(line, file=sys.stderr)
    failed = bool(printed)
    if not failed:
        count = len(args.paths)
        print(f"{text.plural(count, 'file')} valid")
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from coach.routine.schema import routine_schema

    print(json.dumps(routine_schema(), indent=2))
    return 0


def cmd_exercises(args: argparse.Namespace) -> int:
    from coach.commands.common import print_table
    from coach.routine.catalog import Catalog

    library = Catalog.default().exercises
    if args.json:
        items = [
            {
                "id": e.id,
                "name": e.name,
                "instructions": list(e.instructions),
                "caution": e.caution,
                "sides": e.sides,
            }
            for e in library.values()
        ]
        print(json.dumps(items, indent=2))
        return 0
    print_table([(exercise.id, exercise.name) for exercise in library.values()])
    return 0
