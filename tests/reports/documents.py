"""Running the real `coach` command, and reading what it wrote as a person's tools would."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from coach.history.store import HistoryStore

from .history import four_weeks, moment, session, step

ODD_NAME = '<b>x</b> & "y"'
ODD_STEP = '<i>Toe</i> tap & "go"'
ODD_ROUTINE = """\
name: '<b>x</b> & "y"'
description: 'Made to test escaping: <img src=x onerror=alert(1)>'
steps:
  - name: '<i>Toe</i> tap & "go"'
    instructions: ['Tap <img src=x onerror=alert(1)> lightly']
    caution: 'Stop if <script>alert(2)</script> hurts'
    duration: 20s
    sides: both
  - exercise: calf-stretch
    duration: 30s
"""
#: Every section of the report, in the order the issue lists them.
SECTION_IDS = (
    "plan",
    "adherence-per-week",
    "exercises-done",
    "feeling-and-pain",
    "cramp-diary",
    "warning-signs",
    "about-this-record",
)
PERIOD = ("--from", "2024-05-06", "--to", "2024-06-06")
#: Anything that would make a browser reach out: a URL scheme, a protocol-relative path.
REACHES_OUT = re.compile(r"https?:|//|@import|url\(|\bsrc=|\bhref=", re.I)


def coach(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "COACH_AUDIO": "silent"},
        check=False,
    )


def bundled_routines() -> list[str]:
    from coach.routine.catalog import Catalog

    return [entry.id for entry in Catalog.default().entries() if entry.source == "bundled"]


def odd_user(folders: Path) -> None:
    """A user whose daily routine is named with markup, four weeks in, one odd step done."""
    routines = folders / "config" / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    (routines / "odd.yaml").write_text(ODD_ROUTINE, encoding="utf-8")
    (folders / "config" / "settings.yaml").write_text("daily_routine: odd\n", encoding="utf-8")
    with HistoryStore.open() as store:
        four_weeks(store)
        start = moment(date(2024, 6, 5), 19)
        store.add_sessions([session(start, (step(start, 1, ODD_STEP, "left"),), routine="odd")])


class Page(HTMLParser):
    """The tags, ids and visible text of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag in ("style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "svg"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and the text a reader can select, each run of spaces as one."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), " ".join(text.split())
