"""Text coach does not write (routine and exercise names, problems quoting a file, saved paths)
is shown exactly as written. Textual and Rich read a plain string as markup in notifications,
table cells and option lists: `[feet]` vanished, `[@click=...]` became a live action, and a
stray `[/b]` raised MarkupError and stopped the app."""

from __future__ import annotations

from pathlib import Path

from functional.driving import open_preview, settle
from functional.sample_routines import make_test_app
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from coach.problems import Problem
from coach.settings import Settings
from coach.tui.screens.editor import EditorScreen
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.routine_table import RoutineTable

ODD = ("Daily [feet].pdf", 'unknown key "[/b]"', "[@click=app.quit]quit[/]", "[bold]x[/bold]")


async def test_notifications_show_their_text_exactly_as_given(root: Path) -> None:
    """Bug: brackets in a notification were read as Textual markup (a `[/b]` raised
    MarkupError while the toast was drawn)."""
    # Three settings problems: the most told one by one (SETTINGS_NOTICES).
    problems = tuple(Problem("settings.yaml", 1, 1, text) for text in ODD[:3])
    settings = Settings(daily_routine="daily", voice=False, problems=problems)
    app = make_test_app(root, settings=settings)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        for text in (ODD[3], ODD[0]):
            app.screen.notify(text, title="Saved")
        await settle(pilot)
        await pilot.pause()
        shown = [toast.render().plain for toast in app.screen.query(Toast)]
        assert shown == [
            *(f"Settings\nsettings.yaml:1:1: {text}" for text in ODD[:3]),
            f"Saved\n{ODD[3]}",
            f"Saved\n{ODD[0]}",
        ]


ODD_ROUTINE = """\
name: "Feet [/b] [feet]"
steps:
  - {name: "Hold [/i] [x]", duration: 10s}
"""


def cells(table: RoutineTable | PlanTable, column: int) -> list[str]:
    return [table.get_row_at(row)[column].plain for row in range(table.row_count)]


async def test_names_and_problems_with_brackets_are_shown_as_written(root: Path) -> None:
    """Bug: a routine named "Feet [/b]" stopped the app on the home screen, an exercise named
    "Hold [/i]" on the preview, and a problem quoting `[/b]` in the editor's list."""
    (root / "user").mkdir(parents=True)
    (root / "user" / "odd.yaml").write_text(ODD_ROUTINE)
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert "Feet [/b] [feet]" in cells(app.screen.query_one(RoutineTable), 0)
        preview = await open_preview(pilot, "odd")
        assert cells(preview.query_one(PlanTable), 1) == ["Hold [/i] [x]"]
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        editor.source.text = ODD_ROUTINE.replace("duration: 10s", 'duration: 10s, sides: "[/b]"')
        editor.validate()
        await settle(pilot)
        options = editor.query_one("#problems", OptionList)
        shown = " ".join(options.render_line(y).text.strip() for y in range(options.size.height))
        assert shown.endswith("none, left, right, both, got '[/b]'"), shown
