"""`d` on the Preview: a copy in the user's folder under a new id, never over another file."""

from __future__ import annotations

from pathlib import Path

from driving import open_preview, settle
from sample_routines import ROUTINES, make_test_app
from textual.pilot import Pilot
from textual.widgets import Input

from coach.tui.screens.duplicate import DuplicateScreen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.widgets.text_line import TextLine


async def ask_to_duplicate(pilot: Pilot[object], routine_id: str) -> DuplicateScreen:
    app = pilot.app
    await open_preview(pilot, routine_id)
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(app.screen, DuplicateScreen)
    return app.screen


def typed_id(dialog: DuplicateScreen) -> Input:
    return dialog.query_one("#new-id", Input)


def said(dialog: DuplicateScreen) -> str:
    return dialog.query_one("#id-problem", TextLine).text


async def test_d_proposes_id_copy_and_enter_writes_the_copy(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await ask_to_duplicate(pilot, "stretch")
        assert typed_id(dialog).value == "stretch-copy"
        await pilot.press("enter")
        await settle(pilot)
        copy = root / "user" / "stretch-copy.yaml"
        text = copy.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=routine.schema.json\n")
        assert "# Copied from coach's bundled routine stretch." in text
        assert text.endswith(
            ROUTINES["stretch"].replace("Stretch both sides", '"Stretch both sides (my copy)"')
        )
        assert (root / "user" / "routine.schema.json").is_file()
        # The preview now shows the copy, ready to be edited with `e`.
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert (preview.entry.id, preview.entry.source) == ("stretch-copy", "user")
        assert preview.routine.name == "Stretch both sides (my copy)"
        assert any("stretch-copy" in n.message for n in app._notifications)


async def test_a_taken_id_proposes_the_next_free_one(root: Path) -> None:
    (root / "user").mkdir(parents=True)
    (root / "user" / "stretch-copy.yaml").write_text("name: Mine\n")
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await ask_to_duplicate(pilot, "stretch")
        assert typed_id(dialog).value == "stretch-copy-2"


async def test_an_existing_file_is_never_replaced(root: Path) -> None:
    (root / "user").mkdir(parents=True)
    theirs = root / "user" / "mine.yml"
    theirs.write_text("name: Mine\n")
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await ask_to_duplicate(pilot, "stretch")
        typed_id(dialog).value = "mine"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert said(dialog) == "mine.yml already exists in your folder; pick another id"
        assert theirs.read_text() == "name: Mine\n"
        assert not (root / "user" / "mine.yaml").exists()


async def test_an_id_coach_new_would_refuse_is_refused_with_the_same_words(root: Path) -> None:
    from coach.routine.template import id_problem

    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await ask_to_duplicate(pilot, "stretch")
        for bad in ("../escape", "exercises", ".hidden", ""):
            typed_id(dialog).value = bad
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is dialog
            assert said(dialog) == id_problem(bad)
        assert not (root / "user").exists() or list((root / "user").iterdir()) == []
        # Typing again clears the complaint.
        typed_id(dialog).value = "fine"
        await pilot.pause()
        assert said(dialog) == ""


async def test_escape_cancels_and_writes_nothing(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await ask_to_duplicate(pilot, "stretch")
        await pilot.press("escape")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert preview.entry.id == "stretch"
        assert not (root / "user").exists()


async def test_a_routine_folder_that_cannot_be_written_is_said_as_coach_new_says_it(
    root: Path,
) -> None:
    """#2b of the new-user walk: Duplicate and `coach new` word an unwritable routine folder
    alike (Catalog.write_problem); a file in the folder's place is not "made a moment ago"."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "user").write_text("")
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await ask_to_duplicate(pilot, "stretch")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert said(dialog) == (
            f"cannot write in your routine folder {root / 'user'}: Not a directory"
        )
