"""The app: wiring of screens, catalog, settings, clock and sound, built by `make_app`.

The CLI and every test build it the same way, so a test runs the same app a person does,
with a fake clock and a recording audio backend handed in.
"""

from __future__ import annotations

from textual import on
from textual.app import App

from coach.audio.backend import AudioBackend
from coach.audio.session_sound import SoundChoices
from coach.routine.catalog import Catalog
from coach.routine.model import Routine
from coach.session.clock import Clock, MonotonicClock
from coach.settings import Settings, load_settings
from coach.tui.kit import BackendSlot, ListenerFactory, SessionKit
from coach.tui.messages import PreviewChosen, RoutineChosen, SessionEnded, SummaryClosed
from coach.tui.screens.finished import FinishedScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.preview import PreviewScreen
from coach.tui.screens.session import SessionScreen
from coach.tui.summary import Summary


class CoachApp(App[int]):
    TITLE = "coach"
    SUB_TITLE = "feet and calves"

    def __init__(
        self,
        *,
        catalog: Catalog,
        settings: Settings,
        kit: SessionKit,
        start_routine: Routine | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = settings
        self.kit = kit
        self.start_routine = start_routine
        self.last_summary: Summary | None = None

    def on_mount(self) -> None:
        # Pushed rather than made the default screen, which would not load its stylesheet.
        if self.start_routine is not None:
            self.push_screen(SessionScreen(self.start_routine, self.kit))
        else:
            self.push_screen(HomeScreen(self.catalog, self.settings.daily_routine))
        theme = self.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(f"There is no theme called {theme!r}; using the default.", timeout=8)
        for problem in self.settings.problems:
            self.notify(str(problem), title="Settings", severity="warning", timeout=10)

    async def action_quit(self) -> None:
        """Quitting mid-session (ctrl+q) still ends it properly, so the history hears of it."""
        stopped = False
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                stopped = screen.stop_now() or stopped
        self.exit(return_code=1 if stopped else 0)

    @on(RoutineChosen)
    def _start(self, message: RoutineChosen) -> None:
        if isinstance(self.screen, SessionScreen):
            self.notify("Finish or stop this session first.")
            return
        session = SessionScreen(message.routine, self.kit)
        if isinstance(self.screen, PreviewScreen):
            self.switch_screen(session)
        else:
            self.push_screen(session)

    @on(PreviewChosen)
    def _preview(self, message: PreviewChosen) -> None:
        if message.entry.routine is None or isinstance(self.screen, SessionScreen):
            return
        preview = PreviewScreen(message.entry.routine)
        if isinstance(self.screen, PreviewScreen):
            self.switch_screen(preview)
        else:
            self.push_screen(preview)

    @on(SessionEnded)
    def _ended(self, message: SessionEnded) -> None:
        self.last_summary = message.summary
        leaving = self.start_routine is not None
        self.switch_screen(FinishedScreen(message.summary, leaving=leaving))

    @on(SummaryClosed)
    async def _summary_closed(self) -> None:
        if self.start_routine is not None:
            summary = self.last_summary
            self.exit(return_code=0 if summary is not None and summary.completed else 1)
            return
        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            await self.pop_screen()


def make_app(
    *,
    clock: Clock | None = None,
    audio: AudioBackend | None = None,
    catalog: Catalog | None = None,
    settings: Settings | None = None,
    start_routine: Routine | None = None,
    voice: bool | None = None,
    muted: bool | None = None,
    session_listeners: ListenerFactory | None = None,
) -> CoachApp:
    """The app as the CLI runs it; tests pass a fake clock, a recording backend and folders.

    `audio` defaults to the sound card, opened on first use in a background thread. `voice`
    and `muted` default to the settings; they are where the CLI's `--no-voice` and `--mute` go.
    """
    settings = settings if settings is not None else load_settings()
    choices = SoundChoices(
        volume=settings.volume,
        muted=settings.mute if muted is None else muted,
        voice=settings.voice if voice is None else voice,
    )
    kit = SessionKit(
        clock=clock or MonotonicClock(),
        backend=BackendSlot(audio),
        choices=choices,
        listeners=session_listeners,
    )
    return CoachApp(
        catalog=catalog or Catalog.default(),
        settings=settings,
        kit=kit,
        start_routine=start_routine,
    )
