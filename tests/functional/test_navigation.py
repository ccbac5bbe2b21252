"""Home, preview, the command palette and the finished screen, driven by keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from driving import notices_of, on_row, open_preview, session_of, settle
from sample_routines import make_test_app, user_routine

from coach.problems import Problem
from coach.routine.catalog import Catalog, RoutineEntry
from coach.session.clock import FakeClock
from coach.session.engine import SessionFinished
from coach.settings import Settings
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.screens.editor import EditorScreen
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.widgets.plan import PlanTable
from coach.tui.widgets.routine_table import RoutineTable
from coach.tui.widgets.text_line import TextLine


def text_of(screen: object, selector: str) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return screen.query_one(selector, TextLine).text


async def test_home_shows_todays_routine_with_its_length(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text_of(app.screen, "#today-name") == "Daily test"
        # 2 s prepare + 6 s hold + 2 s prepare; the self-paced step counts nothing.
        assert text_of(app.screen, "#today-length") == "10 s + own pace · 2 exercises"
        assert app.screen.query_one("#history-summary") is not None
        assert app.screen.query_one("#daily-tip") is not None


async def test_enter_on_home_starts_todays_routine(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert session_of(app).routine.name == "Daily test"
        assert session_of(app).engine.started


async def test_home_lists_every_routine_and_shows_broken_ones_with_their_error(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RoutineTable)
        assert sorted(table.entries) == ["broken", "daily", "mixed", "stretch", "tempo"]
        assert table.get_row("broken")[1].plain == "broken"
        assert [c.plain for c in table.get_row("daily")[1:]] == ["10 s + own pace", "2", "bundled"]
        # One line however many files are broken (issue #11); `w` lists them in full.
        problems = text_of(app.screen, "#routine-problems")
        assert problems == "⚠ 1 problem in your routine files: w shows it"
        await pilot.press("w")
        await settle(pilot)
        listed = [line.text for line in app.screen.query(".listing-text").results(TextLine)]
        # FILE:LINE:COL as everywhere else (a new user's walk found "broken.yaml line 4:").
        assert listed[0].startswith("broken.yaml:4:15: `duration` must be a duration")


async def test_a_missing_daily_routine_is_said_and_the_list_takes_the_focus(root: Path) -> None:
    app = make_test_app(root, settings=Settings(daily_routine="nope", voice=False))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#today-name") == "No routine for today"
        assert "no routine called 'nope'" in text_of(app.screen, "#today-length")
        assert "Choose one below" in text_of(app.screen, "#today-length")
        assert isinstance(app.focused, RoutineTable)
        await pilot.press("t")
        assert isinstance(app.screen, HomeScreen)


async def test_the_arrows_move_in_the_list_while_the_start_button_has_the_focus(
    root: Path,
) -> None:
    """Found walking home at 80x24: the keys list says the arrows move in the list of
    routines, but with the start button focused (as home opens) they did nothing."""
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        table = app.screen.query_one(RoutineTable)
        assert app.focused is app.screen.query_one("#start-today")
        assert table.cursor_row == 0
        await pilot.press("down")
        assert app.focused is table
        assert table.cursor_row == 1
        await pilot.press("down", "up")
        assert table.cursor_row == 1
        app.screen.query_one("#start-today").focus()
        await pilot.press("up")
        assert (app.focused, table.cursor_row) == (table, 0)


async def test_selecting_a_routine_opens_its_preview_and_escape_comes_back(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await on_row(pilot, "stretch")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert app.screen.routine.name == "Stretch both sides"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        # Back home the list is read again, and the cursor stays where it was.
        table = app.screen.query_one(RoutineTable)
        assert table.cursor_row == table.get_row_index("stretch")


async def test_selecting_a_broken_bundled_routine_opens_a_copy_in_the_editor(root: Path) -> None:
    """Issue #11: Enter on a broken routine opens the editor at its mistake, not a toast."""
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await on_row(pilot, "broken")
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.target.path == root / "user" / "broken.yaml"
        assert "`coach edit broken`" in text_of(editor, "#editor-note")


async def test_preview_shows_the_plan_instructions_and_caution(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_row(pilot, "mixed")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        plan = screen.query_one(PlanTable)
        names = [row.name for row in plan.rows_of_plan]
        assert names == ["Heel hold", "Toe raise", "Rest", "Calf stretch", "Toe raise"]
        assert [c.plain for c in plan.get_row("4")[1:]] == [
            "Calf stretch",
            "2 × 5 s",
            "both",
            "0:30",
        ]
        assert "Stand tall holding a chair back." in text_of(screen, "#exercise-instructions")
        assert text_of(screen, "#exercise-caution") == "Caution: Stop if your calf starts to cramp."
        await pilot.press("down")
        assert "Lift your toes" in text_of(screen, "#exercise-instructions")
        assert text_of(screen, "#exercise-caution") == ""
        assert "plus your own pace" in text_of(screen, "#routine-length")


async def test_enter_on_preview_starts_that_routine(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await on_row(pilot, "tempo")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert session_of(app).routine.name == "Tempo test"
        # The preview made way for the session: finishing returns straight home.
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "SessionScreen"]


async def test_command_palette_finds_and_starts_any_routine(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"start stretch")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert session_of(app).routine.name == "Stretch both sides"


async def test_a_whole_session_with_keys_alone_reaches_finished_then_home(root: Path) -> None:
    app = make_test_app(root)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("enter")  # start today's
        await settle(pilot)
        # prepare, heel hold (skipped), prepare, toe raise (self-paced: done)
        await pilot.press("n", "n", "n")
        assert session_of(app).engine.current is not None
        assert session_of(app).engine.current.self_paced
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FinishedScreen)
        assert screen.summary.done == 1 and screen.summary.skipped == 1
        # The hold was skipped and the reps took no time at all: not half the work (bug #11).
        assert screen.summary.reached_end and not screen.summary.completed
        figures = text_of(screen, "#figures")
        assert "Ended: 1 of 2 exercises done" in figures and "Skipped: 1 exercise" in figures
        assert screen.query_one("#history-result") is not None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_coach_run_opens_the_session_and_quitting_exits_after_finished(
    root: Path, clock: FakeClock, key: str
) -> None:
    """With ctrl+q too (defect #9 of the new-user walk: it quit at once, no question, no
    Finished screen, the step in progress lost)."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        assert session_of(app).routine.name == "Stretch both sides"
        # The session is the first screen (drawn whole from its first frame), not pushed.
        assert [type(s).__name__ for s in app.screen_stack] == ["SessionScreen"]
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert text_of(app.screen, "#heading") == "Session stopped"
        # It cannot be switched away from: the summary goes over it.
        assert [type(s).__name__ for s in app.screen_stack] == ["SessionScreen", "FinishedScreen"]
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 1


async def test_ctrl_q_mid_session_answered_no_goes_on(root: Path, clock: FakeClock) -> None:
    """Defect #9 of the new-user walk: ctrl+q asks as `q` does, the session paused meanwhile."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = session_of(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and screen.engine.paused
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not screen.engine.paused


async def test_ctrl_q_over_a_paused_session_quits_and_ends_it_so_listeners_hear(
    root: Path, clock: FakeClock
) -> None:
    """Elsewhere ctrl+q still quits at once: here over the keys listing the session paused
    for, which it still ends properly."""
    seen: list[object] = []
    app = make_test_app(
        root, clock=clock, start="stretch", session_listeners=lambda r, t: [seen.append]
    )
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert isinstance(seen[-1], SessionFinished) and not seen[-1].completed
    assert app.return_code == 1


@pytest.mark.parametrize(
    ("start", "told"),
    [
        (None, "Press ctrl+q to quit coach."),
        ("stretch", "Press q or ctrl+q to stop this session."),
    ],
)
async def test_ctrl_c_says_in_plain_words_which_key_quits(
    root: Path, clock: FakeClock, start: str | None, told: str
) -> None:
    """Defect #9 of the new-user walk: ctrl+c showed Textual's line with its markup as
    typed, "Press [b]ctrl+q[/b] to quit the app"."""
    app = make_test_app(root, clock=clock, start=start)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices_of(app) == [told]


@pytest.mark.parametrize("leave", ["escape", "enter", "ctrl+q"])
async def test_a_stopped_coach_run_exits_with_one_however_its_end_is_left(
    root: Path, clock: FakeClock, leave: str
) -> None:
    """`coach run --help`: 1 when the session was not completed. Ctrl+q on the Finished
    screen of a stopped session exited 0 (the review of the exit statuses); a signal, which
    sets no return code, is told by `exit_status` the same way."""
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q", "y")
        await settle(pilot)
        assert text_of(app.screen, "#heading") == "Session stopped"
        assert app.return_code is None and app.exit_status() == 1
        await pilot.press(leave)
        await pilot.pause()
    assert app.return_code == 1


@pytest.mark.parametrize("leave", ["enter", "ctrl+q"])
async def test_a_completed_coach_run_exits_with_zero(
    root: Path, clock: FakeClock, leave: str
) -> None:
    app = make_test_app(root, clock=clock, start="stretch")
    async with app.run_test() as pilot:
        await settle(pilot)
        clock.advance(60)
        session_of(app).wake()
        await settle(pilot)
        assert isinstance(app.screen, FinishedScreen)
        assert text_of(app.screen, "#heading") == "Well done!"
        assert app.exit_status() == 0
        await pilot.press(leave)
        await pilot.pause()
    assert app.return_code == 0


async def test_theme_from_settings_is_used_and_an_unknown_one_is_reported(root: Path) -> None:
    app = make_test_app(root, settings=Settings(daily_routine="daily", theme="nord"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    unknown = Settings(
        daily_routine="daily", theme="no-such-theme", origins={"theme": ("settings.yaml", 3, 8)}
    )
    app = make_test_app(root, settings=unknown)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme != "no-such-theme"
        told = notices_of(app)
        # At its place in the file, as every other settings problem is told.
        assert (
            "settings.yaml:3:8: there is no theme called 'no-such-theme'; the default is used"
            in told
        )


async def test_many_settings_problems_are_a_few_notices_and_where_to_read_them_all(
    root: Path,
) -> None:
    """A new user's walk: ten settings mistakes were ten stacked notices over home, gone after
    ten seconds with nowhere to read them again."""
    problems = tuple(Problem("settings.yaml", n, 1, f"mistake {n}") for n in range(1, 11))
    settings = Settings(daily_routine="daily", voice=False, problems=problems)
    app = make_test_app(root, settings=settings)
    async with app.run_test() as pilot:
        await settle(pilot)
        told = notices_of(app)
        assert told == [
            "settings.yaml:1:1: mistake 1",
            "settings.yaml:2:1: mistake 2",
            "8 more problems in the settings: `coach doctor` lists every one.",
        ]
    few = Settings(daily_routine="daily", voice=False, problems=problems[:3])
    app = make_test_app(root, settings=few)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert notices_of(app) == [str(p) for p in problems[:3]]
    # An unknown theme is one of them (a second walk saw it told on top of the three).
    themed = replace(few, theme="banana", origins={"theme": ("settings.yaml", 4, 8)})
    app = make_test_app(root, settings=themed)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert notices_of(app) == [
            "settings.yaml:4:8: there is no theme called 'banana'; the default is used",
            "settings.yaml:1:1: mistake 1",
            "2 more problems in the settings: `coach doctor` lists every one.",
        ]


LONG = """\
name: Aa long one
description: >-
  Calf and hamstring stretches to do just before you get into bed. Stretching at bedtime is
  the best-supported habit for night cramps: the NHS suggests it, and a 2012 trial in adults
  over 55 found fewer and milder night cramps, though it may not stop them completely.
steps:
  - {exercise: heel-hold, duration: 6s}
"""


async def test_a_long_description_is_never_cut_mid_sentence_on_home(root: Path) -> None:
    """Found at 80x24 in a real terminal: home's three lines for the highlighted routine ended
    at "...night cramps," and left out the caveat that follows."""
    user_routine(root, "aa-long", body=LONG)
    for size, whole in (((80, 24), False), ((200, 40), True)):
        app = make_test_app(root)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.screen.query_one(RoutineTable)
            assert table.entry_at(table.cursor_row).id == "aa-long"  # type: ignore[union-attr]
            detail = app.screen.query_one("#routine-detail", TextLine).text
            if whole:
                assert detail.endswith("though it may not stop them completely.")
            else:
                assert detail == (
                    "Calf and hamstring stretches to do just before you get into bed."
                    " Enter shows the rest."
                )


async def test_back_on_home_reads_the_history_again_but_not_every_routine_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: coming back from any screen (a preview, the keys) re-read and parsed
    every routine file; changed files are the watcher's to report, and only a session can
    have changed what home shows of the history."""
    app = make_test_app(root)
    reads: list[str] = []
    original = Catalog.entries

    def entries(catalog: Catalog) -> list[RoutineEntry]:
        reads.append("routines")
        return original(catalog)

    monkeypatch.setattr(Catalog, "entries", entries)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert reads == ["routines"]
        home = app.screen
        assert isinstance(home, HomeScreen)
        history_reads = []
        monkeypatch.setattr(home, "load_history", history_reads.append)
        await open_preview(pilot, "stretch")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
        assert reads == ["routines"]
        assert history_reads == [home.shelf]


async def test_home_stylesheet_reaches_no_other_screen(root: Path) -> None:
    """Home's stylesheet is the app's (home is the first screen), so its rules must be home's
    alone: `#routine-problems { height: 1 }` for home's one-line count cut the preview's list
    of a broken routine's mistakes to one line."""
    app = make_test_app(root)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        preview = await open_preview(pilot, "stretch")
        preview.query_one("#routine-problems", TextLine).text = "first\nsecond\nthird"
        await pilot.pause()
        assert preview.query_one("#routine-problems").region.height == 3
