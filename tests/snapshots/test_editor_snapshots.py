"""How the built-in editor looks with a mistake in the text, at 80x24 and 120x40.

The routine is written into the test's own user folder and the editor names it by file name
only, the cursor does not blink, and the check is run at once rather than after the typing
pause, so the pictures change only when the screen does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from functional.sample_routines import ROUTINES, make_test_app
from snapshot_kit import SIZES, SnapCompare, settle
from textual.pilot import Pilot

from coach.tui.app import CoachApp
from coach.tui.messages import PreviewChosen
from coach.tui.screens.editor import EditorScreen


async def edit_with_a_mistake(pilot: Pilot[object]) -> None:
    app = pilot.app
    assert isinstance(app, CoachApp)
    await settle(pilot)
    app.post_message(PreviewChosen(app.catalog.find("mine")))
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    editor.source.cursor_blink = False
    # `reps: 2` of the tempo step becomes `reps: 2x`.
    row = editor.source.text.splitlines().index("    reps: 2")
    editor.source.move_cursor((row, len("    reps: 2")))
    await pilot.press("x")
    editor.validate()
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_editor_with_a_mistake(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    root = tmp_path / "routines"
    app = make_test_app(root)
    (root / "user").mkdir(parents=True)
    (root / "user" / "mine.yaml").write_text(ROUTINES["mixed"], encoding="utf-8")
    assert snap_compare(app, terminal_size=size, run_before=edit_with_a_mistake)
