"""The HTML report and handout in a real browser: Chromium headless opens each file, takes a
screenshot and prints it to PDF, with no console errors and within the page limits.

`make test` installs Debian's `chromium` (scripts/system-deps.sh --test); the test skips, saying
so, only where no Chromium can be found.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coach.cramps.values import RELIEF_ROUTINE
from coach.history.store import HistoryStore

from .documents import PERIOD, bundled_routines, coach, odd_user, pdf_text
from .history import daily_use

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # tests run as root in CI
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={profile}",
            *action,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console_errors(log: str) -> list[str]:
    """Lines where the page itself complained: console messages, blocked or failed loads."""
    signs = ("CONSOLE", "Uncaught", "Refused to", "net::ERR", "Failed to load resource")
    return [line for line in log.splitlines() if any(sign in line for sign in signs)]


def shoot_and_print(page: Path, tmp_path: Path) -> tuple[bytes, int]:
    """The page's screenshot and its print, from one launch of the browser (it does both)."""
    shot, printed = tmp_path / f"{page.stem}.png", tmp_path / f"{page.stem}.pdf"
    result = chromium(
        page,
        tmp_path / "profile",
        "--window-size=900,1400",
        f"--screenshot={shot}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={printed}",
    )
    assert result.returncode == 0, result.stderr
    assert console_errors(result.stderr) == []
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    pages, text = pdf_text(printed.read_bytes())
    return text.encode(), pages


@pytest.mark.parametrize("user", ["odd names", "daily use"])
def test_report_in_a_real_browser_and_its_print_preview(
    isolated_folders: Path, tmp_path: Path, user: str
) -> None:
    """Chromium prints on Letter, the shorter of the two papers the stylesheet is made for."""
    if user == "odd names":
        odd_user(isolated_folders)
    else:
        with HistoryStore.open() as store:
            daily_use(store)
    page = tmp_path / "report.html"
    assert coach("report", *PERIOD, "-o", str(page)).returncode == 0
    text, pages = shoot_and_print(page, tmp_path)
    assert pages <= 2
    assert b"Adherence per week" in text and b"About this record" in text
    # The same file on A4, as a browser set to A4 paper prints it.
    a4 = tmp_path / "a4" / "report.html"
    a4.parent.mkdir()
    html = page.read_text(encoding="utf-8")
    a4.write_text(html.replace("</head>", "<style>@page { size: A4; }</style></head>"), "utf-8")
    text, pages = shoot_and_print(a4, tmp_path / "a4")
    assert pages <= 2
    assert b"About this record" in text


@pytest.mark.parametrize("routine", bundled_routines())
def test_handout_prints_on_one_page_from_a_browser(routine: str, tmp_path: Path) -> None:
    page = tmp_path / f"{routine}.html"
    assert coach("print", routine, "-o", str(page)).returncode == 0
    text, pages = shoot_and_print(page, tmp_path)
    assert pages == 1
    assert b"When to see a doctor" in text
    assert (b"Days done" in text) == (routine != RELIEF_ROUTINE)


def test_the_console_check_sees_a_page_that_complains(tmp_path: Path) -> None:
    """The check above can fail: a page that logs an error is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><p>x</p><script>console.error("boom")</script>', "utf-8")
    result = chromium(page, tmp_path / "profile", f"--screenshot={tmp_path / 'bad.png'}")
    assert any('"boom"' in line for line in console_errors(result.stderr))
