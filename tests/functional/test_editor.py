"""The built-in editor, opened with `e` on the Preview: checking as you type, saving, leaving."""

from __future__ import annotations

import asyncio
from pathlib import Path

from driving import on_row, open_preview, settle
from sample_routines import MINE, ROUTINES, make_test_app, user_routine
from textual.pilot import Pilot
from textual.widgets import OptionList

from coach.tui.delivery import deliver
from coach.tui.messages import EditChosen
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.editor import CHECK_DELAY, EditorScreen, RoutineText, check_text
from coach.tui.screens.preview import PreviewScreen
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.text_line import TextLine


async def open_editor(pilot: Pilot[object], routine_id: str) -> EditorScreen:
    """From home: the routine's preview, then `e`."""
    app = pilot.app
    await open_preview(pilot, routine_id)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(app.screen, EditorScreen)
    return app.screen


async def retype(pilot: Pilot[object], editor: EditorScreen, text: str) -> None:
    """Replace the whole text, then let the (debounced) check run now."""
    editor.source.text = text
    await checked(pilot, editor)


async def checked(pilot: Pilot[object], editor: EditorScreen) -> None:
    editor.validate()
    await settle(pilot)


def status(editor: EditorScreen) -> str:
    return editor.query_one("#editor-status", TextLine).text


def problems_listed(editor: EditorScreen) -> list[str]:
    options = editor.query_one("#problems", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def plan_amounts(editor: EditorScreen) -> list[str]:
    return [row.amount for row in editor.query_one("#editor-plan", PlanTable).rows_of_plan]


async def test_e_opens_the_file_with_its_plan_and_total_beside_it(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        assert editor.source.text == MINE
        assert editor.source.language == "yaml"
        title = editor.query_one("#editor-title", TextLine).text
        assert title == "Editing mine.yaml in your routine folder"
        assert editor.target.path == path
        assert status(editor) == "✓ Valid"
        assert editor.query_one("#plan-caption", TextLine).text == "Plan: 8 s · 1 exercise"
        assert plan_amounts(editor) == ["6 s"]
        assert not editor.query_one("#problems").display
        assert isinstance(app.focused, RoutineText)


async def test_typing_a_mistake_lists_it_at_its_line_and_column_and_marks_the_line(
    root: Path,
) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        editor.source.move_cursor((4, 16))  # after `duration: 6s`
        await pilot.press("x")
        await checked(pilot, editor)
        assert status(editor) == "✗ 1 problem"
        assert problems_listed(editor) == [
            "5:15  `duration` must be a duration like 30s, 2m or 1m30s, got '6sx'"
        ]
        assert editor.source.problem_lines == {4}
        assert editor.has_class("-invalid")
        # The line's number is marked in the gutter.
        gutter = editor.source.render_line(4).text[: editor.source.gutter_width]
        assert gutter.strip() == "5▶"
        assert "▶" not in editor.source.render_line(3).text
        # With the cursor elsewhere, the line itself is tinted too.
        editor.source.move_cursor((0, 0))
        await pilot.pause()
        tint = editor.source.get_component_rich_style("routine-text--problem-line").bgcolor
        after_gutter = list(editor.source.render_line(4))[1:]
        assert "".join(seg.text for seg in after_gutter).strip() == "duration: 6sx"
        written = [seg for seg in after_gutter if seg.text.strip()]
        assert all(seg.style is not None and seg.style.bgcolor == tint for seg in written)
        clean_line = editor.source.render_line(3)
        assert all(seg.style is None or seg.style.bgcolor != tint for seg in clean_line)
        # The plan stays the last valid one until the text is valid again.
        assert plan_amounts(editor) == ["6 s"]
        assert editor.query_one("#plan-caption", TextLine).text == "Last valid plan: 8 s"


async def test_a_click_on_a_problem_moves_the_cursor_there(root: Path) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        await retype(pilot, editor, MINE.replace("heel-hold", "heel-holt").replace("2s", "-1"))
        assert [p.split("  ")[0] for p in problems_listed(editor)] == ["2:10", "4:15"]
        editor.source.move_cursor((0, 0))
        listed = editor.query_one("#problems", OptionList)
        await pilot.click(listed, offset=(2, listed.size.height - 1))  # on the last problem
        await pilot.pause()
        assert editor.source.cursor_location == (3, 14)
        assert isinstance(app.focused, RoutineText)
        await pilot.press("f8")  # the next problem after the cursor's line wraps to the first
        assert editor.source.cursor_location == (1, 9)


async def test_fixing_the_text_updates_the_plan_and_its_total(root: Path) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        await retype(pilot, editor, MINE.replace("duration: 6s", "duration: 6x"))
        assert status(editor) == "✗ 1 problem"
        await retype(pilot, editor, MINE.replace("duration: 6s", "duration: 16s\n    sets: 2"))
        assert status(editor) == "✓ Valid"
        assert problems_listed(editor) == []
        assert editor.source.problem_lines == frozenset()
        assert plan_amounts(editor) == ["2 × 16 s"]
        assert editor.query_one("#plan-caption", TextLine).text == "Plan: 34 s · 1 exercise"


async def test_typing_waits_for_a_pause_before_checking(root: Path) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        editor.source.move_cursor((4, 14))
        await pilot.press("x")
        await pilot.pause()
        assert editor._pending is not None, "a check is scheduled"
        assert CHECK_DELAY == 0.3
        assert status(editor) == "✓ Valid", "and not run while typing goes on"


async def test_a_stale_check_does_not_replace_a_newer_text(root: Path) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        from coach.tui.screens.editor import check_text

        old = check_text("name: [", editor.target, app.catalog)
        editor.show_check(old)
        assert status(editor) == "✓ Valid"


async def test_ctrl_s_saves_in_one_step_and_keeps_the_previous_version(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        first = MINE.replace("6s", "12s")
        editor.source.text = first
        await pilot.pause()
        assert "unsaved changes" in editor.query_one("#editor-title", TextLine).text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == first
        assert path.with_name("mine.yaml.bak").read_text(encoding="utf-8") == MINE
        assert not editor.dirty
        assert "unsaved" not in editor.query_one("#editor-title", TextLine).text
        assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
        # A second save keeps the version from before this edit in the backup.
        editor.source.text = MINE.replace("6s", "20s")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "20s" in path.read_text(encoding="utf-8")
        assert path.with_name("mine.yaml.bak").read_text(encoding="utf-8") == MINE


async def test_an_invalid_routine_is_saved_only_after_save_anyway(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    broken = MINE.replace("6s", "soon")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        editor.source.text = broken
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "The routine has 1 problem. Save anyway?"
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is editor
        assert path.read_text(encoding="utf-8") == MINE
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is editor
        assert path.read_text(encoding="utf-8") == broken
        assert path.with_name("mine.yaml.bak").read_text(encoding="utf-8") == MINE


async def test_editing_a_bundled_routine_first_copies_it_and_says_so(root: Path) -> None:
    app = make_test_app(root)
    bundled = root / "bundled" / "stretch.yaml"
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "stretch")
        copy = root / "user" / "stretch.yaml"
        assert editor.target.path == copy
        assert copy.read_text(encoding="utf-8").splitlines()[1] == (
            "# Copied from coach's bundled routine stretch."
        )
        assert copy.read_text(encoding="utf-8").endswith(ROUTINES["stretch"])
        note = editor.query_one("#editor-note", TextLine)
        assert note.display and "stretch is a bundled routine" in note.text
        assert "your own copy" in note.text
        editor.source.text = editor.source.text.replace("8s", "9s")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "duration: 9s" in copy.read_text(encoding="utf-8")
        assert bundled.read_text(encoding="utf-8") == ROUTINES["stretch"]
        # Back on the preview, the routine is now the copy.
        await pilot.press("escape")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert preview.entry.source == "user"
        assert preview.query_one(PlanTable).rows_of_plan[0].amount == "9 s"


async def test_a_users_own_routine_is_edited_in_place(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        assert editor.target.path == path
        assert not editor.query_one("#editor-note", TextLine).display
        assert sorted(p.name for p in path.parent.iterdir()) == ["mine.yaml"]


async def test_escape_without_changes_goes_straight_back(root: Path) -> None:
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot, "mine")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)


async def test_escape_with_unsaved_changes_asks_first(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        await pilot.press("x")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Leave without saving?"
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is editor and editor.dirty
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert path.read_text(encoding="utf-8") == MINE


async def test_a_file_changed_elsewhere_is_shown_when_nothing_was_typed(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        path.write_text(MINE.replace("6s", "7s"), encoding="utf-8")
        app.routine_watcher.check()
        await settle(pilot)
        assert editor.source.text == MINE.replace("6s", "7s")
        assert not editor.dirty
        assert plan_amounts(editor) == ["7 s"]


async def test_a_file_changed_elsewhere_never_replaces_what_was_typed(root: Path) -> None:
    path = user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        mine = MINE.replace("Mine", "Mine, typed")
        editor.source.text = mine
        path.write_text(MINE.replace("6s", "7s"), encoding="utf-8")
        app.routine_watcher.check()
        await settle(pilot)
        assert editor.source.text == mine
        assert any("changed on disk" in n.message for n in app._notifications)


async def test_the_plan_of_a_growing_routine_is_the_files_own(root: Path) -> None:
    user_routine(root, body=MINE + "    progress: {every: 7d, add: 2s, max: 20s}\n")
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        assert editor.query_one("#plan-caption", TextLine).text == (
            "Plan as written: 8 s · 1 exercise"
        )
        assert plan_amounts(editor) == ["6 s"]


async def test_saving_over_a_broken_file_never_replaces_a_working_backup(root: Path) -> None:
    """Bug #11: the .bak took whatever was on disk, so a broken version could replace it."""
    path = user_routine(root)
    broken = MINE.replace("6s", "soon")
    path.write_text(broken, encoding="utf-8")
    backup = path.with_name("mine.yaml.bak")
    backup.write_text(MINE, encoding="utf-8")
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.post_message(EditChosen(app.catalog.find("mine")))
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        fixed = MINE.replace("6s", "12s")
        editor.source.text = fixed
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == fixed
        assert backup.read_text(encoding="utf-8") == MINE


async def test_enter_on_a_broken_routine_opens_the_editor_at_its_first_mistake(root: Path) -> None:
    """Bug #11: Enter on a broken routine's row showed a toast only; the editor was out of reach."""
    user_routine(root, body=MINE.replace("6s", "soon"))
    app = make_test_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_row(pilot, "mine")
        await pilot.pause()
        assert "coach edit mine" in app.screen.query_one("#routine-detail", TextLine).text
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.source.cursor_location == (4, 14)  # line 5, column 15: `soon`
        note = editor.query_one("#editor-note", TextLine).text
        assert note == (
            "mine.yaml cannot be played until line 5 is fixed: fix it here, or in your own"
            " editor with `coach edit mine`."
        )


async def test_the_note_over_a_broken_routine_follows_the_fix_and_the_save(root: Path) -> None:
    """A new user's walk: after fixing the line and saving, the note still said "mine.yaml
    cannot be played until line 5 is fixed" while the panel said "✓ Valid"."""
    path = user_routine(root, body=MINE.replace("6s", "soon"))
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_row(pilot, "mine")
        await pilot.press("enter")  # a broken routine opens in the editor
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        note = editor.query_one("#editor-note", TextLine)
        assert "cannot be played until line 5 is fixed" in note.text
        await retype(pilot, editor, MINE)
        assert status(editor) == "✓ Valid"
        assert note.text == "mine.yaml is fixed here but not saved: Ctrl+S saves it."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == MINE
        assert note.text == "" and not note.display
        # Broken again and saved anyway: the note is back, about the file as saved.
        await retype(pilot, editor, MINE.replace("6s", "later"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # "Save anyway"
        await settle(pilot)
        assert "later" in path.read_text(encoding="utf-8")
        assert "cannot be played until line 5 is fixed" in note.text


async def test_at_80_columns_the_editors_plan_fits_its_side(root: Path) -> None:
    """Found walking the app at 80x24 (issue #11): the plan's Sides and Time were cut off."""
    user_routine(root, body=ROUTINES["mixed"])
    app = make_test_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, "mine")
        await checked(pilot, editor)
        table = editor.query_one("#editor-plan", PlanTable)
        assert [str(c.label) for c in table.columns.values()] == ["#", "Exercise", "Amount"]
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.scrollable_content_region.width
        assert table.get_row("4")[2].plain == "2 × 5 s"


async def test_in_the_editor_f1_lists_the_keys_since_question_mark_is_text(root: Path) -> None:
    """Issue #11: every key reachable from a visible help; `?` types into the routine here."""
    from functional.driving import footer_cut

    from coach.tui.screens.listing import ListingScreen

    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, "mine")
        shown = {
            k: a.binding.description for k, a in editor.active_bindings.items() if a.binding.show
        }
        assert shown["f1"] == "Keys" and footer_cut(app) == []
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, ListingScreen)


async def test_a_check_that_ends_after_the_editor_closed_is_dropped(root: Path) -> None:
    """A clean clone's CI: a routine check ran in its thread while the test's app shut down,
    and its result, shown on an editor already taken apart, failed the app (NoMatches)."""
    user_routine(root)
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, "mine")
        late = check_text(MINE, editor.target, editor.catalog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not editor and not editor.query("#editor-status")
        # From a thread, as the editor's check worker hands its result over (`deliver`).
        await asyncio.to_thread(deliver, editor, editor.show_check, late)
        await settle(pilot)
