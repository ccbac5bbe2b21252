"""Notifications carry text coach does not write: file paths, problems quoting a file, notes.
Textual reads a notification as markup unless told otherwise, which dropped `[feet]` from a
path, turned `[@click=...]` into a live action, and stopped the app on a stray `[/b]`."""

from __future__ import annotations

from pathlib import Path

from functional.driving import settle
from functional.sample_routines import make_test_app
from textual.widgets._toast import Toast

from coach.problems import Problem
from coach.settings import Settings

ODD = ("Daily [feet].pdf", 'unknown key "[/b]"', "[@click=app.quit]quit[/]", "[bold]x[/bold]")


async def test_notifications_show_their_text_exactly_as_given(root: Path) -> None:
    """Bug: brackets in a notification were read as Textual markup (a `[/b]` raised
    MarkupError while the toast was drawn)."""
    problems = tuple(Problem("settings.yaml", 1, 1, text) for text in ODD)
    settings = Settings(daily_routine="daily", voice=False, problems=problems)
    app = make_test_app(root, settings=settings)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        app.screen.notify(ODD[0], title="Saved")
        await settle(pilot)
        await pilot.pause()
        shown = [toast.render().plain for toast in app.screen.query(Toast)]
        assert shown == [
            *(f"Settings\nsettings.yaml:1:1: {text}" for text in ODD),
            f"Saved\n{ODD[0]}",
        ]
