"""Making a report or handout file: the one way the command line and the app both do it.

Chooses the format, gathers the report from the settings, routines and history, draws it with
the renderer of that format (imported only then, so Markdown never loads pygal or fpdf2), and
saves it whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import Literal

from coach.files import write_atomic
from coach.history.stats import completed_days
from coach.history.store import HistoryStore
from coach.report.figures import Period, Report, build_report
from coach.report.handout import Handout, handout
from coach.routine import progression
from coach.routine.catalog import Catalog, UnknownRoutine
from coach.settings import Settings

Format = Literal["md", "html", "pdf"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf")
FORMAT_NAMES: dict[Format, str] = {"md": "Markdown", "html": "HTML", "pdf": "PDF"}
SUFFIXES: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


def pick_format(chosen: str | None, output: Path | None) -> Format:
    """`chosen`, else the suffix of `output`, else Markdown."""
    for fmt in FORMATS:
        if chosen == fmt:
            return fmt
    if output is not None:
        return SUFFIXES.get(output.suffix.lower(), "md")
    return "md"


def render(
    document: Report | Handout, fmt: Format, warn: Callable[[str], None] | None = None
) -> str | bytes:
    """A report or a handout in `fmt`: text for Markdown and HTML, bytes for PDF. `warn` hears,
    in one line, of characters a PDF could not draw (Markdown and HTML keep every one)."""
    module = import_module(f"coach.report.render_{fmt}")
    draw = module.handout if isinstance(document, Handout) else module.report
    drawn: str | bytes = draw(document, warn) if fmt == "pdf" else draw(document)
    return drawn


def todays_handout(store: HistoryStore, catalog: Catalog, routine_id: str) -> Handout | str:
    """A routine's handout with today's doses, or why it cannot be made."""
    try:
        entry = catalog.find(routine_id)
    except UnknownRoutine:
        return "no such routine"
    if entry.routine is None:
        return "its file has mistakes"
    routine = entry.routine
    if progression.has_progress(routine):
        routine = progression.apply(routine, completed_days(store, routine.id))
    return handout(routine)


def make_report(
    store: HistoryStore, period: Period, made: datetime, settings: Settings, catalog: Catalog
) -> Report:
    """The report of `period` from the user's plan, routines and history."""
    entries = settings.plan
    handouts = {
        routine: todays_handout(store, catalog, routine)
        for routine in dict.fromkeys(e.routine for e in entries)
    }
    return build_report(store, period, made, entries, handouts)


def save(data: str | bytes, path: Path) -> Path:
    """Write the document at `path` whole (`coach.files.write_atomic`), making its folder when
    missing; an older file of the same name is replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return path
