"""What the home screen lists: every routine and today's planned ones, read in one go off the
UI loop (the catalog, the routine model and the timeline load there, not before the first frame),
and the words home says about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from coach import text
from coach.routine.catalog import Catalog, RoutineEntry, count_exercises
from coach.routine.timeline import expand


@dataclass(frozen=True)
class Shelf:
    """What the home screen lists, read from disk in one go off the UI loop."""

    today: RoutineEntry | None  # what Enter starts
    today_error: str
    entries: list[RoutineEntry]
    problems: list[str]
    #: Today's planned routines, by id (those that exist), for names and for Enter.
    planned: dict[str, RoutineEntry] = field(default_factory=dict)
    nothing_planned: bool = False


def read_shelf(catalog: Catalog, planned_ids: Sequence[str]) -> Shelf:
    """Every routine, and today's planned ones (in plan order; the first is today's), each
    file read once: the planned ones are found among all."""
    entries = catalog.entries()
    by_id = {entry.id: entry for entry in entries}
    planned = {routine_id: by_id[routine_id] for routine_id in planned_ids if routine_id in by_id}
    problems = [short_problem(entry) for entry in entries if entry.error]
    problems += [str(problem) for problem in catalog.library_problems]
    shelf = Shelf(None, "", entries, problems, planned, nothing_planned=not planned_ids)
    return pick(shelf, planned_ids[0]) if planned_ids else shelf


def pick(shelf: Shelf, routine_id: str) -> Shelf:
    """The shelf with `routine_id` as the routine Enter starts, or the reason it cannot."""
    today = shelf.planned.get(routine_id)
    error = ""
    if today is None:
        error = f"There is no routine called {routine_id!r}. Choose one below."
    elif today.routine is None:
        error = f"It cannot be loaded: {short_problem(today)}"
    return replace(shelf, today=today, today_error=error)


def short_problem(entry: RoutineEntry) -> str:
    """`broken.yaml:4:14: message`, the place written as everywhere else; the file's name is
    enough next to its source."""
    problem = entry.error
    if problem is None:
        return ""
    return f"{entry.path.name}:{problem.line}:{problem.col}: {problem.message}"


def problems_line(problems: list[str]) -> str:
    """One line, however many files are broken, so the routine list keeps its room."""
    if not problems:
        return ""
    if len(problems) == 1:
        return "⚠ 1 problem in your routine files: w shows it"
    return f"⚠ {len(problems)} problems in your routine files: w shows them"


def today_lines(shelf: Shelf) -> tuple[str, str]:
    entry = shelf.today
    if shelf.nothing_planned:
        return "Nothing planned today", "Any routine below is welcome."
    if entry is None or entry.routine is None:
        return "No routine for today", shelf.today_error
    routine = entry.routine
    count = count_exercises(routine)
    return routine.name, (f"{expand(routine).length} · {text.plural(count, 'exercise')}")


#: Lines home gives the highlighted routine's description (`#routine-detail` in home.tcss).
DETAIL_LINES = 3


def detail_words(description: str, width: int, lines: int = DETAIL_LINES) -> str:
    """The description, or, where it would not fit in `lines` lines of `width` columns, its
    first sentence and where the rest is: cut off mid-sentence, a line could lose what a
    careful claim adds at its end ("... though it may not stop them completely")."""
    import textwrap

    if width <= 0 or len(textwrap.wrap(description, width)) <= lines:
        return description
    first, _, rest = description.partition(". ")
    return f"{first}. Enter shows the rest." if rest else description
