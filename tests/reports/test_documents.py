"""`coach report` and `coach print` as files: sections, escaping, self-containment, pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cramps.values import RELIEF_ROUTINE
from coach.routine.catalog import Catalog

from .documents import (
    ODD_NAME,
    ODD_STEP,
    PERIOD,
    REACHES_OUT,
    SECTION_IDS,
    Page,
    bundled_routines,
    coach,
    odd_user,
    pdf_text,
)
from .history import SCRIPT_NOTE

SECTION_TITLES = (
    "Plan",
    "Adherence per week",
    "Exercises done",
    "Feeling and pain",
    "Cramp diary",
    "Warning signs",
    "About this record",
)


@pytest.fixture
def odd(isolated_folders: Path) -> Path:
    odd_user(isolated_folders)
    return isolated_folders


def test_html_report_has_every_section_in_order_and_escapes_user_text(
    odd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = coach("report", *PERIOD, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().strip() == f"Wrote the report to {out}."
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert [i for i in page.ids if i in SECTION_IDS] == list(SECTION_IDS)
    # User text is text: the markup in names and notes never became tags.
    assert set(page.tags) <= {
        *("html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p"),
        *("section", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong"),
        *("div", "figure", "figcaption", "footer", "svg", "g", "path", "rect", "text", "desc"),
        *("title", "defs", "circle", "style", "tspan", "line"),
    }, set(page.tags)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert ODD_NAME in page.words
    assert ODD_STEP in page.words
    assert SCRIPT_NOTE in page.words
    assert "7 May 2024, Foot Daily (felt hard, pain 6/10): calf tight & sore <b>after</b>" in (
        page.words
    )
    assert "Stop if <script>alert(2)</script> hurts" in page.words
    assert "1 of 32 (3%)" in page.words  # the plan is `odd`, done once
    assert "3 cramps: 2 at night, 1 by day." in page.words


def test_html_report_is_self_contained(odd: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert coach("report", *PERIOD, "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert REACHES_OUT.search(html) is None, REACHES_OUT.search(html)
    assert "<script" not in html.lower()
    assert html.count("<svg") == 3  # adherence, pain, cramps


def test_pdf_report_has_the_sections_figures_and_text_within_two_pages(
    odd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    result = coach("report", *PERIOD, "-o", str(out))
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out.read_bytes())
    assert pages <= 2
    positions = [text.find(title) for title in SECTION_TITLES]
    assert -1 not in positions and positions == sorted(positions), positions
    for words in (
        ODD_NAME,
        ODD_STEP,
        SCRIPT_NOTE,
        "1 of 32 (3%)",
        "3 cramps: 2 at night, 1 by day.",
        "From 6 May 2024 to 6 Jun 2024.",
        "calf tight & sore <b>after</b>",
        "Pain or tightness after sessions (0 to 10)",
        "It is not a diagnosis",
    ):
        assert words in text, words


def test_markdown_on_standard_output_by_default(odd: Path) -> None:
    result = coach("report", *PERIOD)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    for title in SECTION_TITLES:
        assert f"## {title}\n" in text
    assert r"\<b\>x\</b\> & \"y\"" not in text  # quotes are not markup in Markdown
    assert r"\<b\>x\</b\> & " in text
    assert r"\<script\>alert(1)\</script\>" in text


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (("-o", "r.html"), "r.html", b"<!DOCTYPE html>"),
        (("-o", "r.pdf"), "r.pdf", b"%PDF-"),
        (("-o", "r.md"), "r.md", b"# Foot and calf"),
        (("-o", "r.txt"), "r.txt", b"# Foot and calf"),
        (("--format", "html", "-o", "r.md"), "r.md", b"<!DOCTYPE html>"),
    ],
)
def test_format_from_option_else_suffix_else_markdown(
    isolated_folders: Path, args: tuple[str, ...], name: str, starts: bytes
) -> None:
    result = coach("report", *args, cwd=isolated_folders)
    assert result.returncode == 0, result.stderr
    assert (isolated_folders / name).read_bytes().startswith(starts)


def test_json_figures(odd: Path) -> None:
    result = coach("report", *PERIOD, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"from", "to", "weeks", "exercises", "cramps", "sessions"}
    assert figures["sessions"] == 31
    assert {"name": ODD_STEP, "side": "left", "done": 1, "skipped": 0}.items() <= next(
        e for e in figures["exercises"] if e["name"] == ODD_STEP
    ).items()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "soon"), "coach: cannot read --since 'soon'; write weeks or days"),
        (("--to", "2024-01-01"), "coach: --to needs --from"),
        (("--since", "2w", "--to", "2024-01-01"), "coach: --to needs --from"),
        (("--from", "2024-13-01"), "coach: --from '2024-13-01' is not a date; write YYYY-MM-DD"),
    ],
)
def test_bad_periods_are_one_line(args: tuple[str, ...], message: str) -> None:
    result = coach("report", *args)
    assert result.returncode == 2
    assert result.stderr.decode().startswith(message)
    assert result.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("routine", bundled_routines())
def test_handout_of_every_bundled_routine_is_one_page(routine: str, tmp_path: Path) -> None:
    entry = Catalog.default().find(routine)
    assert entry.routine is not None
    out = tmp_path / "handout.pdf"
    result = coach("print", routine, "-o", str(out))
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out.read_bytes())
    assert pages == 1
    assert entry.routine.name in text
    grid = routine != RELIEF_ROUTINE  # relief is not a daily routine: no days to tick
    assert ("Days done" in text and "Mon Tue Wed Thu Fri Sat Sun" in text) == grid
    html_out = tmp_path / "handout.html"
    assert coach("print", routine, "-o", str(html_out)).returncode == 0
    html = html_out.read_text(encoding="utf-8")
    assert REACHES_OUT.search(html) is None
    assert Page(html).words.count("Week") == int(grid)


def test_handout_escapes_the_routine(odd: Path, tmp_path: Path) -> None:
    out = tmp_path / "odd.html"
    assert coach("print", "odd", "-o", str(out)).returncode == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert {"script", "img", "b", "i"}.isdisjoint(page.tags)
    assert ODD_NAME in page.words and ODD_STEP in page.words
    assert "Tap <img src=x onerror=alert(1)> lightly" in page.words
    markdown = coach("print", "odd").stdout.decode()
    assert markdown.startswith(r"# \<b\>x\</b\> & " + '"y"')
    assert "| 4 | [ ] | [ ] | [ ] | [ ] | [ ] | [ ] | [ ] |" in markdown


def test_pdf_keeps_a_note_beyond_latin_1_as_typed(isolated_folders: Path, tmp_path: Path) -> None:
    """Helvetica covers Latin-1 only; a note in other scripts makes the PDF embed DejaVu Sans."""
    from datetime import date

    from coach.cramps.diary import CrampDiary
    from coach.history.store import HistoryStore

    from .history import cramp, moment

    note = "Wadenkrampf – nachts ✓ Δ"
    with HistoryStore.open() as store:
        CrampDiary(store).add_cramps([cramp(moment(date(2024, 5, 9), 2), "night", note)])
    out = tmp_path / "report.pdf"
    assert coach("report", *PERIOD, "-o", str(out)).returncode == 0
    _, text = pdf_text(out.read_bytes())
    assert note in text


def test_the_plan_comes_from_the_schedule(isolated_folders: Path) -> None:
    """With `schedule:` in the settings, the report shows and counts that plan."""
    from coach.history.store import HistoryStore

    from .history import four_weeks

    (isolated_folders / "config" / "settings.yaml").write_text(
        "schedule:\n"
        "  - routine: foot-daily\n    days: weekdays\n    at: '07:30'\n"
        "  - routine: bedtime-calves\n    days: [wed]\n",
        encoding="utf-8",
    )
    with HistoryStore.open() as store:
        four_weeks(store)
    markdown = coach("report", *PERIOD).stdout.decode()
    catalog = Catalog.default()
    for routine, days in (("foot-daily", "weekdays | 07:30"), ("bedtime-calves", "wed | any time")):
        entry = catalog.find(routine)
        assert entry.routine is not None
        assert f"| {entry.routine.name} | {days} |" in markdown
    weeks = json.loads(coach("report", *PERIOD, "--json").stdout)["weeks"]
    # Weekdays' foot-daily all done; Wednesdays' bedtime-calves only on 15 May (logged).
    assert [(w["planned"], w["completed"]) for w in weeks] == [
        (6, 5),
        (6, 6),
        (6, 5),
        (6, 5),
        (5, 4),
    ]


def test_four_weeks_of_daily_use_fit_on_two_pages(isolated_folders: Path, tmp_path: Path) -> None:
    from coach.history.store import HistoryStore

    from .history import daily_use

    with HistoryStore.open() as store:
        daily_use(store)
    out = tmp_path / "report.pdf"
    assert coach("report", *PERIOD, "-o", str(out)).returncode == 0
    pages, text = pdf_text(out.read_bytes())
    assert pages <= 2
    assert "About this record" in text
    assert "32 of 32 (100%)" in text
    # Marble pickup is self-paced: no planned time to set beside the actual one.
    assert "Marble pickup left 30 2 own pace 6:24" in text


def test_pdf_to_a_pipe(isolated_folders: Path) -> None:
    result = coach("report", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF-") and result.stderr == b""
    pages, _ = pdf_text(result.stdout)
    assert pages == 1


def test_a_planned_routine_that_cannot_be_read_is_named_in_the_plan(
    isolated_folders: Path,
) -> None:
    (isolated_folders / "config" / "settings.yaml").write_text(
        "daily_routine: foot-dayly\n", encoding="utf-8"
    )
    result = coach("report")
    assert result.returncode == 0
    assert "| foot-dayly (no such routine) | daily | any time | - |" in result.stdout.decode()


def test_markdown_and_help_never_load_the_chart_or_pdf_libraries(isolated_folders: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from coach.cli import main\n"
        "main(['report', '-o', 'r.md'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygal', 'fpdf', 'textual')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=isolated_folders,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [(), ("-o", "-")])
def test_a_pdf_is_not_poured_into_a_terminal(isolated_folders: Path, args: tuple[str, ...]) -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coach", "report", "--format", "pdf", *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "coach: a PDF is not for the terminal: add -o FILE.pdf (or pipe it to a file)\n"
    )


@pytest.mark.parametrize(("command", "extra"), [("report", ()), ("print", ("foot-quick",))])
def test_a_suffix_coach_does_not_know_is_written_as_markdown_and_said_so(
    isolated_folders: Path, command: str, extra: tuple[str, ...]
) -> None:
    """Noticed in review: `-o r.docx` wrote Markdown into a .docx without a word."""
    result = coach(command, *extra, "-o", "r.docx", cwd=isolated_folders)
    assert result.returncode == 0, result.stderr
    assert (isolated_folders / "r.docx").read_bytes().startswith(b"# ")
    assert b"r.docx: written as Markdown" in result.stderr
    assert b".md, .markdown, .html, .htm, .pdf" in result.stderr
    known = coach(command, *extra, "-o", "r.md", cwd=isolated_folders)
    assert b"written as Markdown" not in known.stderr
