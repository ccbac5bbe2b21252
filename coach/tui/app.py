"""The app: wiring of screens, catalog, settings, clock, sound and history, built by `make_app`.

The CLI and every test build it the same way, so a test runs the same app a person does,
with a fake clock, a fixed wall clock and a recording audio backend handed in.

Only the home screen is imported up front: every other screen, the sound and the history's
writer load when first used, so the first frame comes as soon as Textual can draw it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, TypeGuard

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType

from coach import text
from coach.audio.choices import SoundChoices
from coach.cramps.values import RELIEF_ROUTINE
from coach.history import WallClock, local_now
from coach.routine.catalog import Catalog
from coach.session.clock import Clock, MonotonicClock
from coach.settings import Settings, load_settings
from coach.tui.history_access import HistoryAccess
from coach.tui.kit import BackendSlot, SessionKit
from coach.tui.messages import (
    CrampLogChosen,
    CrampLogged,
    EditChosen,
    HistoryChosen,
    PreviewChosen,
    ResumeChosen,
    RoutineChosen,
    SessionEnded,
    StatsChosen,
    SummaryClosed,
)

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.driver import Driver
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from coach.audio.backend import AudioBackend
    from coach.history.recorder import Recorder
    from coach.plan.entry import PlanEntry
    from coach.routine.model import Routine
    from coach.routine.timeline import Timeline
    from coach.tui.cramp_view import LoggedCramp
    from coach.tui.kit import EventListener, ListenerFactory
    from coach.tui.screens.session import SessionScreen
    from coach.tui.summary import Summary

#: The stylesheets of the first screen, home or `coach run`'s session (relative to this module).
HOME_CSS = "screens/home.tcss"
SESSION_CSS = "screens/session.tcss"

#: The most settings problems told as notices at start; past that, the last notice says how
#: many more there are and where to read them.
SETTINGS_NOTICES = 3

#: An interrupted session to go on with: its id in the history and the segment to start at.
Resume = tuple[int, int]


def _cramp_commands() -> type[Provider]:
    """The palette's cramp commands, loaded when it first opens rather than before home."""
    from coach.tui.commands import CrampCommands

    return CrampCommands


class CoachApp(App[int]):
    TITLE = "coach"
    SUB_TITLE = "feet and calves"
    # Hidden: `c` works on every screen, and the screens with room show it in their footer.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "log_cramp", "Log cramp", show=False),
        # Shown on every screen: the keys a narrow footer has no room for are listed there.
        Binding("question_mark", "show_keys", "Keys", key_display="?"),
        # Textual's own, with words that say what it does here; the footers leave it out.
        Binding("ctrl+p", "command_palette", "Find a routine or a command", show=False),
    ]
    COMMANDS = App.COMMANDS | {_cramp_commands}

    def get_key_display(self, binding: Binding) -> str:
        """As Textual shows a key, without asking Python's table of Unicode names what a
        one-character key is called: Textual looks "n" up to learn that no character has that
        name, and that first look reads about 0.5 MB of the table into memory for good
        (benchmarks/bench_memory.py). Such a key is shown as itself, as Textual then shows it.
        """
        if not binding.key_display and len(binding.key) == 1:
            return binding.key
        return super().get_key_display(binding)

    def __init__(
        self,
        *,
        catalog: Catalog,
        settings: Settings,
        kit: SessionKit,
        history: HistoryAccess,
        record_history: bool = False,
        start_routine: Routine | None = None,
        resume: Resume | None = None,
        ask_checkin: bool = True,
    ) -> None:
        # The first screen's stylesheet (home's or the session's): its own is not loaded.
        super().__init__(css_path=HOME_CSS if start_routine is None else SESSION_CSS)
        self.ask_checkin = ask_checkin
        self.catalog = catalog
        self.settings = settings
        self.kit = kit
        self.history = history
        self.record_history = record_history
        self.start_routine = start_routine
        self.resume = resume
        self.last_summary: Summary | None = None
        #: The recorder of the session playing (or last played) here, when history is kept.
        self.recorder: Recorder | None = None
        #: When the relief routine last started here: the time its Finished screen offers.
        self.relief_started: datetime | None = None

    def get_default_screen(self) -> Screen[None]:
        """Home, or with `start_routine` (`coach run`) its session, as the first screen rather
        than pushed over an empty one: Textual draws a pushed screen's first frame in pieces
        (its containers' borders and the footer's keys a frame or two later)."""
        if self.start_routine is not None:
            return self._session(self.start_routine, self.resume)
        from coach.tui.screens.home import HomeScreen

        return HomeScreen(self.catalog, self.history)

    def on_mount(self) -> None:
        if self.start_routine is None:
            # Once home is drawn, the sound device opens in the background for the first session.
            self.call_after_refresh(self.kit.backend.warm)
        theme = self.settings.theme
        unknown = self.settings.theme_problem(self.available_themes)
        told = [str(problem) for problem in self.settings.problems]
        if unknown:
            told.insert(0, unknown)
        elif theme:
            self.theme = theme
        self._tell_settings_problems(told)

    def _tell_settings_problems(self, problems: list[str]) -> None:
        """The first few settings problems as notices, and where to read every one: ten stacked
        notices covered home and were gone after ten seconds, with nowhere to read them again."""
        shown = problems if len(problems) <= SETTINGS_NOTICES else problems[: SETTINGS_NOTICES - 1]
        for problem in shown:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            self.notify(
                f"{text.plural(more, 'more problem')} in the settings: `coach doctor` lists"
                " every one.",
                title="Settings",
                severity="warning",
                timeout=15,
            )

    async def action_quit(self) -> None:
        """Ctrl+q: over a playing session it asks first, as `q` does; anywhere else it quits,
        ending a session under the screen on top properly so the history hears of it."""
        screen = self.screen
        if _is_session(screen) and screen.check_action("stop", ()):
            screen.action_stop()
            return
        stopped = False
        for screen in self.screen_stack:
            if _is_session(screen):
                stopped = screen.stop_now() or stopped
        self.exit(return_code=1 if stopped else self.exit_status())

    def exit_status(self) -> int:
        """What the process exits with once the app has ended: `coach run` (`start_routine`)
        exits 0 only for a completed session, as its --help says, however it was left (Enter,
        Esc, ctrl+q, or a signal with no return code set); home exits 0."""
        if self.return_code is not None:
            return self.return_code
        if self.start_routine is None:
            return 0
        summary = self.last_summary
        return 0 if summary is not None and summary.completed else 1

    def action_help_quit(self) -> None:
        """Ctrl+c, which quits many programs: say which key does here, in plain words
        (Textual's own line carries markup, which `notify` shows as typed)."""
        if _is_session(self.screen):
            self.notify("Press q or ctrl+q to stop this session.", title="Do you want to stop?")
        else:
            self.notify("Press ctrl+q to quit coach.", title="Do you want to quit?")

    def _session(self, routine: Routine, resume: Resume | None = None) -> SessionScreen:
        """The session screen for `routine`; with `resume`, going on with that session.

        Every session starts here, from home (`!` too) or as `coach run` and `coach cramp
        now`'s first screen, so the relief always ends the same way: with the cramp offer."""
        from coach.cramps.relief import with_warning
        from coach.tui.screens.session import SessionScreen

        self.relief_started = self.history.now() if routine.id == RELIEF_ROUTINE else None
        session_id, start_index = resume if resume is not None else (None, 0)
        kit = replace(self.kit, listeners=self._listeners(session_id))
        return SessionScreen(with_warning(routine), kit, start_index)

    def _listeners(self, resume_id: int | None) -> ListenerFactory | None:
        """The history's recorder (when this app records) ahead of any listeners handed in."""
        others = self.kit.listeners
        if not self.record_history:
            return others

        def listeners(routine: Routine, timeline: Timeline) -> list[EventListener]:
            from coach.history.recorder import Recorder

            recorder = Recorder(
                timeline,
                source="app",
                wall_clock=self.history.wall_clock,
                resume=resume_id,
                on_notice=self._history_notice,
            )
            self.recorder = recorder
            return [recorder, *(others(routine, timeline) if others is not None else ())]

        return listeners

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; in a Linux terminal, one whose input thread sleeps until a key
        comes instead of looking ten times a second (`coach.tui.driver`)."""
        driver = super().get_driver_class()
        if sys.platform == "win32":
            return driver
        from textual.drivers.linux_driver import LinuxDriver

        if driver is not LinuxDriver:  # headless, web, or one named in TEXTUAL_DRIVER
            return driver
        from coach.tui.driver import QuietLinuxDriver

        return QuietLinuxDriver

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification as plain text, whatever the caller asked (screens ask for markup
        by default): they carry paths, routine names, notes and problems quoting a file, and
        Textual markup in those would hide text, add live `[@click]` actions, or stop the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _history_notice(self, message: str) -> None:
        self.notify(message, title="History", severity="warning", timeout=10)

    def _play(self, routine: Routine, resume: Resume | None = None) -> None:
        if _is_session(self.screen):
            self.notify("Finish or stop this session first.")
            return
        session = self._session(self._todays(routine), resume)
        if _is_preview(self.screen):
            self.switch_screen(session)
        else:
            self.push_screen(session)

    def _todays(self, routine: Routine) -> Routine:
        """The routine with today's progression (one small query), as `coach run` plays it."""
        from coach.history.database import HistoryUnavailable
        from coach.history.progress import todays_routine

        try:
            return todays_routine(routine)
        except HistoryUnavailable as exc:
            self.notify(f"Steps start as written: {exc}", title="History", severity="warning")
            return routine

    @on(RoutineChosen)
    def _start(self, message: RoutineChosen) -> None:
        self._play(message.routine)

    @on(ResumeChosen)
    def _resume(self, message: ResumeChosen) -> None:
        self._play(message.routine, (message.session_id, message.start_index))

    @on(HistoryChosen)
    def _history(self) -> None:
        if _is_home(self.screen):
            from coach.tui.screens.history import HistoryScreen

            self.push_screen(HistoryScreen(self.history))

    @on(StatsChosen)
    def _stats(self) -> None:
        if _is_home(self.screen):
            from coach.tui.screens.stats import StatsScreen

            self.push_screen(StatsScreen(self.history, self.catalog, self.settings))

    @on(PreviewChosen)
    def _preview(self, message: PreviewChosen) -> None:
        from coach.tui.screens.preview import PreviewScreen

        if message.entry.routine is None or _is_session(self.screen):
            return
        preview = PreviewScreen(message.entry, self.catalog, drawings=self.settings.drawings)
        if isinstance(self.screen, PreviewScreen):
            self.switch_screen(preview)
        else:
            self.push_screen(preview)

    @on(EditChosen)
    def _edit(self, message: EditChosen) -> None:
        from coach.tui.screens.editor import CannotEdit, EditorScreen, open_for_editing

        try:
            target = open_for_editing(message.entry, self.catalog)
        except CannotEdit as exc:
            self.notify(str(exc), title="Cannot edit", severity="error")
            return
        self.push_screen(EditorScreen(target, self.catalog))

    @on(events.Mount)
    def _watch_routine_files(self) -> None:
        """Routine files changed on disk reach the screens within about a second (watched
        from the first frame on, not before it). Not for `coach run`: its session keeps the
        routine it started with, and its end leaves the app."""
        if self.start_routine is None:
            self.call_after_refresh(self._start_watching)

    def _start_watching(self) -> None:
        from coach.tui.watch import RoutineWatcher

        self.routine_watcher = RoutineWatcher(self, self.catalog)
        self.routine_watcher.start()

    @on(SessionEnded)
    async def _ended(self, message: SessionEnded) -> None:
        with self.batch_update():  # no frame of the emptied session screen
            await self._finish(message)

    async def _finish(self, message: SessionEnded) -> None:
        import gc

        from coach.heap import give_back_free_memory
        from coach.tui.screens.finished import FinishedScreen

        # The session screen lets go of its widgets, what they leave for the cyclic collector
        # goes, and malloc hands the freed pages back, all before the Finished screen is built:
        # it then grows into that room rather than past it (benchmarks/bench_memory.py). With
        # the start-up's objects frozen (coach.commands.session) it takes about 10 ms.
        if _is_session(self.screen):
            await self.screen.release()
        gc.collect()
        give_back_free_memory()

        summary = self.last_summary = self._whole_session(message.summary)
        leaving = self.start_routine is not None
        cramp_at = self.relief_started if self._relief_playing() else None
        finished = FinishedScreen(
            summary,
            leaving=leaving,
            history=self.history,
            cramp_at=cramp_at,
            checkin_for=None if cramp_at is not None else self._checkin_for(summary),
            catalog=self.catalog,
        )
        if leaving:
            # `coach run`'s session is the first screen, which cannot be switched away from:
            # the summary goes over it, and leaving it leaves the app.
            self.push_screen(finished)
        else:
            self.switch_screen(finished)
        if cramp_at is not None:
            from coach.tui.screens.relief import RedFlagsScreen

            self.push_screen(RedFlagsScreen())

    def _checkin_for(self, summary: Summary) -> int | None:
        """The recorded session to ask about: one in which some work was done."""
        if not self.ask_checkin or self.recorder is None:
            return None
        if not summary.outcome.worth_a_checkin:
            return None
        return self.recorder.session_id

    def _whole_session(self, summary: Summary) -> Summary:
        """The summary as history has it: after a resume the screen saw only the last part."""
        recorder = self.recorder
        if recorder is None or recorder.final_active_s is None:
            return summary
        return replace(summary, active_s=recorder.final_active_s, outcome=recorder.outcome())

    def _relief_playing(self) -> bool:
        return any(
            _is_session(screen) and screen.routine.id == RELIEF_ROUTINE
            for screen in self.screen_stack
        )

    # -- the cramp diary -------------------------------------------------------------------

    def action_log_cramp(self) -> None:
        self.open_cramp_log()

    def action_show_keys(self) -> None:
        """The keys of the screen, over it; a playing session pauses while they are read."""
        from coach.tui.screens.listing import ListingScreen, screen_keys

        screen = self.screen
        if not isinstance(screen, ListingScreen):
            go_on = self._pause_session()
            self.push_screen(ListingScreen("Keys on this screen", screen_keys(screen)), go_on)

    def _pause_session(self) -> Callable[..., None]:
        """Pause the session on screen, if one is playing; the callback plays it on again."""
        session = self.screen if _is_session(self.screen) else None
        paused = session is not None and bool(session.check_action("pause", ()))
        if session is not None and paused:
            session.action_pause()

        def go_on(_: object = None) -> None:
            if session is not None and paused and session.check_action("resume", ()):
                session.action_resume()

        return go_on

    @on(CrampLogChosen)
    def _cramp_log_chosen(self, message: CrampLogChosen) -> None:
        self.open_cramp_log(message.at)

    def open_cramp_log(self, at: datetime | None = None) -> None:
        """The cramp form over the current screen; a playing session pauses until it closes."""
        from coach.tui.cramp_view import logged_line
        from coach.tui.screens.cramp_log import CrampLogScreen, CrampNoticeScreen

        if any(isinstance(screen, CrampLogScreen) for screen in self.screen_stack):
            return
        session = self.screen if _is_session(self.screen) else None
        go_on = self._pause_session()

        def closed(logged: LoggedCramp | None) -> None:
            if logged is None:
                go_on()
                return
            self.notify(logged_line(logged.record), title="Cramp logged")
            for screen in self.screen_stack:
                screen.post_message(CrampLogged(logged.record))
            if logged.notice:
                self.push_screen(CrampNoticeScreen(logged.notice), go_on)
            else:
                go_on()

        exercising = session is not None and session.routine.id != RELIEF_ROUTINE
        form = CrampLogScreen(self.history.now(), relief_start=at, exercising=exercising)
        self.push_screen(form, closed)

    @on(SummaryClosed)
    async def _summary_closed(self) -> None:
        if self.start_routine is not None:
            self.exit(return_code=self.exit_status())
            return
        while len(self.screen_stack) > 1 and not _is_home(self.screen):
            await self.pop_screen()


#: How often threads take turns at the interpreter (see `make_app`).
SWITCH_INTERVAL_S = 0.0005


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
    record_history: bool = False,
    resume: Resume | None = None,
    wall_clock: WallClock | None = None,
    ask_checkin: bool = True,
) -> CoachApp:
    """The app as the CLI runs it; tests pass a fake clock, a recording backend and folders.

    `audio` defaults to the sound card, opened on first use in a background thread. `voice`
    and `muted` default to the settings; they are where the CLI's `--no-voice` and `--mute` go.
    With `record_history` every session is written to the history as it is played (the
    listeners in `session_listeners` hear it too). `resume` (session id, segment index) makes
    `start_routine` go on with that interrupted session. `wall_clock` is what time and day
    it is, for the history: the machine's clock unless a test fixes it. `ask_checkin=False`
    (`--no-checkin`) never asks how a recorded session went.
    """
    # Threads take turns at the interpreter every 0.5 ms rather than Python's 5, for the whole
    # process: a cue's samples are not held back by a repaint, and Textual's writer thread puts
    # home's first frame on the terminal without waiting on the work after it (about 5 ms).
    # It costs nothing while at most one thread has work. Set here alone: screens that set and
    # restored it each put back one another's value.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
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
        drawings=settings.drawings,
    )
    catalog = catalog or Catalog.default()
    schedule: tuple[PlanEntry, ...] | None = None
    daily_routine: str | None = settings.daily_routine
    if settings.plan_written:
        plan, unknown = settings.checked_plan(catalog.ids)
        schedule = plan if settings.schedule is not None else None
        daily_routine = settings.daily_routine if plan else None
        settings = replace(settings, problems=settings.problems + unknown)
    history = HistoryAccess(
        wall_clock=wall_clock or local_now,
        rest_days_per_week=settings.rest_days_per_week,
        schedule=schedule,
        daily_routine=daily_routine,
    )
    return CoachApp(
        catalog=catalog,
        settings=settings,
        kit=kit,
        history=history,
        record_history=record_history,
        start_routine=start_routine,
        resume=resume,
        ask_checkin=ask_checkin,
    )


def _is_session(screen: object) -> TypeGuard[SessionScreen]:
    """Whether `screen` is a session screen. Until the first session starts, its module is not
    even loaded, and then no screen can be one."""
    module = sys.modules.get("coach.tui.screens.session")
    return module is not None and isinstance(screen, module.SessionScreen)


def _is_preview(screen: object) -> bool:
    module = sys.modules.get("coach.tui.screens.preview")
    return module is not None and isinstance(screen, module.PreviewScreen)


def _is_home(screen: object) -> bool:
    """Whether `screen` is home; `coach run` never loads home's module at all."""
    module = sys.modules.get("coach.tui.screens.home")
    return module is not None and isinstance(screen, module.HomeScreen)
