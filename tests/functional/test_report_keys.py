"""`r` on Stats saves the report and `p` on the Preview saves the handout, in the format asked,
in the documents folder, saying where; Escape saves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from functional.driving import settle
from functional.history_kit import NOW, history_app, open_screen, seed
from functional.test_cramp_form import notices

from coach.tui.app import CoachApp
from coach.tui.messages import PreviewChosen
from coach.tui.screens.format import FormatScreen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.screens.stats import StatsScreen


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "documents"
    monkeypatch.setenv("COACH_DOCUMENTS_DIR", str(folder))
    return folder


@pytest.mark.parametrize(
    ("key", "suffix", "starts"), [("p", "pdf", b"%PDF-"), ("h", "html", b"<!")]
)
async def test_r_on_stats_saves_the_report(
    root: Path, documents: Path, key: str, suffix: str, starts: bytes
) -> None:
    seed()
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        assert isinstance(app.screen, StatsScreen)
        await open_screen(pilot, "r")
        assert isinstance(app.screen, FormatScreen)
        await open_screen(pilot, key)
        assert isinstance(app.screen, StatsScreen)
        path = documents / f"coach-report-{NOW:%Y-%m-%d}.{suffix}"
        assert path.read_bytes().startswith(starts)
        assert notices(app, "Saved") == [f"Report saved as {path}"]


async def test_escape_saves_no_report(root: Path, documents: Path) -> None:
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        await open_screen(pilot, "r")
        await open_screen(pilot, "escape")
        assert isinstance(app.screen, StatsScreen)
        assert not documents.exists()
        assert notices(app, "Saved") == []


async def test_a_report_that_cannot_be_saved_says_why(
    root: Path, documents: Path, tmp_path: Path
) -> None:
    documents.parent.mkdir(exist_ok=True)
    documents.write_text("a file where the folder should be")
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_screen(pilot, "s")
        await open_screen(pilot, "r")
        await open_screen(pilot, "m")
        assert isinstance(app.screen, StatsScreen)
        [problem] = notices(app, "Not saved")
        assert problem == f"Could not save the report in {documents}: File exists"


async def test_p_on_the_preview_saves_the_handout(root: Path, documents: Path) -> None:
    app = history_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app, CoachApp)
        await settle(pilot)
        app.post_message(PreviewChosen(app.catalog.find("daily")))
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        await open_screen(pilot, "p")
        assert isinstance(app.screen, FormatScreen)
        await open_screen(pilot, "m")
        path = documents / "coach-daily.md"
        assert path.read_text(encoding="utf-8").startswith(f"# {app.screen.routine.name}\n")
        assert notices(app, "Saved") == [f"Handout saved as {path}"]
