"""Saving a report or handout from the app: the file, and where it went.

Drawing a PDF takes a moment, so screens call `save_document` from a thread worker and show
the line it returns; nothing that goes wrong here may end the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from textual.screen import Screen

from coach import locations
from coach.report.documents import Format, render, save
from coach.report.figures import Report
from coach.report.handout import Handout

log = logging.getLogger(__name__)


def save_document(
    make: Callable[[], Report | Handout], fmt: Format, name: str, what: str
) -> tuple[str, bool]:
    """Make the document, draw it and save it as `name`.`fmt` in the documents folder.

    Returns the line to show and whether it went well.
    """
    folder = locations.documents_dir()
    unshown: list[str] = []
    try:
        path = save(render(make(), fmt, unshown.append), folder / f"{name}.{fmt}")
    except OSError as exc:
        return f"Could not save the {what} in {folder}: {exc.strerror or exc}", False
    except Exception as exc:
        log.exception("making a document failed")
        return f"Could not make the {what}: {exc}", False
    said = "".join(f" ({line})" for line in unshown)
    return f"{what.capitalize()} saved as {path}{said}", True


def tell(screen: Screen[None], line: str, ok: bool) -> None:
    """Show where the document went, or why it did not, long enough to read the path."""
    if ok:
        screen.notify(line, title="Saved", timeout=12)
    else:
        screen.notify(line, title="Not saved", severity="error", timeout=12)
