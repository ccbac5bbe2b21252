"""Home with an unknown `daily_routine`: the settings mistake is shown where the app shows the
others, as PATH:LINE:COL (#5 of the new-user walk)."""

from __future__ import annotations

from pathlib import Path

from functional.driving import notices_of, settle
from functional.history_kit import history_app

from coach.settings import Settings


async def test_an_unknown_daily_routine_is_a_settings_notice(root: Path) -> None:
    """#5: the app named no place for `daily_routine: dialy`; the same typo under `schedule:`
    was a notice with "did you mean"."""
    settings = Settings(
        voice=False,
        daily_routine="dialy",
        given=frozenset({"daily_routine"}),
        origins={"daily_routine": ("settings.yaml", 2, 16)},
    )
    app = history_app(root, settings=settings)
    async with app.run_test() as pilot:
        await settle(pilot)
        messages = notices_of(app)
        assert (
            "settings.yaml:2:16: no routine called 'dialy' (did you mean \"daily\"?);"
            " `coach list` shows them all"
        ) in messages


async def test_an_unknown_daily_routine_is_not_planned_on_home(root: Path) -> None:
    """The review of #5's mend: `coach status` and `coach nudge` left the unknown routine out
    of the plan while home and the Finished screen's streak still planned it; all now read the
    same checked plan (`Settings.checked_plan`)."""
    settings = Settings(voice=False, daily_routine="dialy", given=frozenset({"daily_routine"}))
    app = history_app(root, settings=settings)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.history.plan() == ()
    known = Settings(voice=False, daily_routine="daily", given=frozenset({"daily_routine"}))
    app = history_app(root, settings=known)
    assert [entry.routine for entry in app.history.plan()] == ["daily"]
