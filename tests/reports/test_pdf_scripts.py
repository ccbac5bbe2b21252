"""A PDF keeps the person's own words in any script: Chinese, Japanese and Korean through
fpdf2's fallback fonts, emoji through Noto Color Emoji, Arabic shaped right to left, and a
character no font can draw as a visible replacement with one line of coach's own.

ux-defects #8: a cramp note '痛い 🦵 ouch' and a routine 'Pieds 🦶 Füße 足' came out of
`coach report -o u.pdf` as "ouch" and "Pieds Füße", Arabic came out reversed, and fpdf2's raw
log lines ("Font MPDFAA+DejaVuSansBook is missing the following glyphs: ...") reached stderr.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from coach.cramps.diary import CrampDiary
from coach.history.store import HistoryStore
from coach.report import render_pdf
from coach.report.handout import Handout

from .documents import PERIOD, coach, pdf_text
from .history import cramp, moment

JAPANESE = "痛い 🦵 ouch"
ARABIC = "ألم في الساق"
UNDRAWABLE = "odd 𓀀 glyph"  # an Egyptian hieroglyph: in none of the fonts coach uses
ROUTINE_NAME = "Pieds 🦶 Füße 足"
ROUTINE = f"""\
name: '{ROUTINE_NAME}'
steps:
  - name: 'Toe curls 足指'
    duration: 20s
"""


@pytest.fixture
def words_in_many_scripts(isolated_folders: Path) -> Path:
    routines = isolated_folders / "config" / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    (routines / "pieds.yaml").write_text(ROUTINE, encoding="utf-8")
    (isolated_folders / "config" / "settings.yaml").write_text(
        "daily_routine: pieds\n", encoding="utf-8"
    )
    with HistoryStore.open() as store:
        CrampDiary(store).add_cramps(
            [
                cramp(moment(date(2024, 5, 9), 2), "night", JAPANESE),
                cramp(moment(date(2024, 5, 10), 3), "night", ARABIC),
            ]
        )
    return isolated_folders


def stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode().splitlines()


def test_the_report_keeps_cjk_emoji_and_arabic_as_typed(
    words_in_many_scripts: Path, tmp_path: Path
) -> None:
    out = tmp_path / "u.pdf"
    result = coach("report", *PERIOD, "-o", str(out))
    assert result.returncode == 0
    assert stderr_lines(result) == [f"Wrote the report to {out}."]  # no fpdf2 log lines
    _, text = pdf_text(out.read_bytes())
    for typed in (JAPANESE, ARABIC, ROUTINE_NAME, "Toe curls 足指"):
        assert typed in text


def test_the_handout_uses_the_same_fonts(words_in_many_scripts: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = coach("print", "pieds", "-o", str(out))
    assert stderr_lines(result) == [f"Wrote the handout to {out}."]
    _, text = pdf_text(out.read_bytes())
    assert ROUTINE_NAME in text and "Toe curls 足指" in text


def test_a_character_no_font_draws_is_replaced_visibly_and_said_once(
    words_in_many_scripts: Path, tmp_path: Path
) -> None:
    with HistoryStore.open() as store:
        CrampDiary(store).add_cramps([cramp(moment(date(2024, 5, 11), 2), "night", UNDRAWABLE)])
    out = tmp_path / "u.pdf"
    result = coach("report", *PERIOD, "-o", str(out))
    assert result.returncode == 0
    assert stderr_lines(result) == [
        "coach: the PDF shows \ufffd for 1 character no font on this system can draw (U+13000)",
        f"Wrote the report to {out}.",
    ]
    _, text = pdf_text(out.read_bytes())
    assert "odd \ufffd glyph" in text and JAPANESE in text


@pytest.mark.parametrize("missing", ["DejaVuSans", "DejaVuSans-Bold"])
def test_without_unicode_fonts_helvetica_shows_a_question_mark_and_says_so(
    monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    """Where DejaVu Sans is not installed, Helvetica draws `?` for what is beyond Latin-1, and
    that is said rather than silent. So too with DejaVu Sans but not its bold face: a review
    of the fallback fonts found the `?` unsaid there."""
    found = render_pdf._font_file
    monkeypatch.setattr(
        render_pdf, "_font_file", lambda name: None if name.startswith(missing) else found(name)
    )
    page = Handout("r", ROUTINE_NAME, "", "20 s", False, "1 exercise", (), None)
    said: list[str] = []
    _, text = pdf_text(render_pdf.handout(page, said.append))
    assert "Pieds ? Füße ?" in text
    assert said == [
        "the PDF shows ? for 2 characters no font on this system can draw (U+8DB3, U+1F9B6)"
    ]


def test_the_app_says_so_in_the_line_it_shows_after_saving(
    isolated_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app has no stderr to speak on: the one line joins the "saved as" notice."""
    from coach.tui.documents import save_document

    monkeypatch.setenv("COACH_DOCUMENTS_DIR", str(isolated_folders / "documents"))
    page = Handout("r", UNDRAWABLE, "", "20 s", False, "1 exercise", (), None)
    line, ok = save_document(lambda: page, "pdf", "odd", "handout")
    assert ok
    saved = isolated_folders / "documents" / "odd.pdf"
    assert line == (
        f"Handout saved as {saved} (the PDF shows \ufffd for 1 character no font on this system"
        " can draw (U+13000))"
    )
    assert UNDRAWABLE.replace("𓀀", "\ufffd") in pdf_text(saved.read_bytes())[1]
