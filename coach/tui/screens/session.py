"""The session player: one exercise at a time, a big clock, and every control on a key.

The screen never counts time. It asks the engine when the next thing happens (a cue, a
segment's end) and when the big clock next shows a different number, sleeps until the sooner
of the two with a one-shot timer, then polls the engine and shows what it says. Paused, it
sleeps until a key is pressed.
"""

from __future__ import annotations

import gc
import logging
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import HorizontalGroup, Vertical, VerticalGroup, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from coach import text
from coach.audio.session_sound import SessionSound
from coach.history.outcome import WorkTally
from coach.routine.model import Routine
from coach.routine.timeline import expand
from coach.session.engine import Cue, Event, SegmentStarted, SessionEngine, SessionFinished
from coach.tui.kit import SessionKit
from coach.tui.layout import SessionLayout, layout_for
from coach.tui.listeners import SessionListeners
from coach.tui.messages import SessionEnded
from coach.tui.screens.confirm import ConfirmScreen
from coach.tui.session_controls import Controls, controls, offered
from coach.tui.session_drawing import SessionDrawing
from coach.tui.session_view import (
    SessionView,
    open_ended_from,
    seconds_to_next_wake,
    view_of,
)
from coach.tui.summary import Summary
from coach.tui.widgets.big_text import BigText, big_width
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.drawing import ExerciseDrawing
from coach.tui.widgets.progress import SecondsBar
from coach.tui.widgets.ready_footer import OneLineFooter
from coach.tui.widgets.text_line import TextLine

log = logging.getLogger(__name__)

#: A cue heard this long after it was due is left silent: a burst of late beeps helps nobody.
LATE_CUE_S = 1.0
#: The longest a session waits for its sound (device opened, sounds loaded) before starting.
SOUND_WAIT_S = 1.0
FLASH_S = 0.3
#: How long after a step starts its garbage is collected: its cue is playing by then.
COLLECT_AFTER_S = 0.25
#: No collection this close to a deadline (a cue's beat): a full one holds the interpreter for
#: about 10 ms, and the audio thread needs it to start a sound.
COLLECT_MARGIN_S = 0.1
ROOMY_HEIGHT = 32
KINDS = ("prepare", "work", "rest", "switch")
PHASES = ("up", "hold", "down", "pause")
WIDEST_WORDS = ("SWITCH", "READY", "DOWN", "HOLD")
ADJUST = Binding.Group("±10 s", compact=True)


class SessionScreen(Screen[None]):
    CSS_PATH = "session.tcss"
    #: Routine files are not watched while a session plays (see `coach.tui.watch`).
    HOLDS_ROUTINE_WATCH: ClassVar[bool] = True  # watch.HOLDS_WATCH: no look while one plays
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("n,right", "skip", "Skip"),
        Binding("p,left", "back", "Back"),
        Binding("r", "restart", "Restart"),
        Binding("plus", "adjust(10)", "+10 s", group=ADJUST, key_display="+"),
        Binding("equals_sign", "adjust(10)", "+10 s", group=ADJUST, key_display="="),
        Binding("minus", "adjust(-10)", "-10 s", group=ADJUST),
        Binding("enter", "done", "Done"),
        Binding("m", "mute", "Mute"),
        Binding("m", "unmute", "Unmute"),
        Binding("q", "stop", "Quit"),
    ]

    def __init__(self, routine: Routine, kit: SessionKit, start_index: int = 0) -> None:
        """`start_index` > 0 goes on with an interrupted session from that segment."""
        super().__init__()
        self.start_index = start_index
        self.routine = routine
        self.kit = kit
        self.timeline = expand(routine)
        self.engine = SessionEngine(self.timeline, kit.clock)
        self.sound = SessionSound(kit.backend, routine, self.timeline, kit.choices)
        self.tally = WorkTally(self.timeline)
        self._open_ended = open_ended_from(self.timeline)
        self.problems: list[str] = []  # every error caught and carried on from, for tests
        self.listeners = SessionListeners(None, routine, self.timeline)  # made again at start
        self._timer: Timer | None = None
        self._flash_timer: Timer | None = None
        self._view: SessionView | None = None
        self._controls: Controls | None = None
        self._ended = False
        self._lines: dict[str, TextLine] = {}
        self._layout = SessionLayout(1, 1, 0)  # set for the real size on the first resize
        self.drawing = SessionDrawing(ExerciseDrawing(id="drawing"), self.engine, self._carry_on)
        self._collect_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        # Widgets sit in bands: a repaint of the clock or the drawing then asks only the few
        # widgets whose band it touches to draw themselves, not every widget on the screen.
        with Vertical(id="current"):
            with VerticalGroup(id="top-band"):
                with HorizontalGroup(id="stage-row"):
                    yield TextLine(id="stage")
                    yield TextLine(id="side")
                    yield TextLine(id="rep-inline")
                    yield TextLine(id="counts")
                    yield TextLine(id="sound-state")
                    yield TextLine(id="session-left")
                yield TextLine(id="title")
                yield TextLine(id="amount")
            with HorizontalGroup(id="clock-row"):
                with VerticalGroup(id="clock-column"):
                    yield Countdown(id="clock")
                    yield BigText(id="big-clock")
                    yield BigText(id="phase")
                    yield TextLine(id="rep")
                yield self.drawing.widget
            with Vertical(id="lower-band"):
                yield SecondsBar(id="segment-bar")
                yield TextLine(id="hint")
                yield TextLine("PAUSED · press space to resume", id="paused-banner")
                # The caution stands outside the scrolling instructions, so however little
                # room the clock leaves, a safety line is never cut off.
                yield TextLine(id="caution")
                with VerticalScroll(id="about", can_focus=False):
                    yield TextLine(id="instructions")
        with Vertical(id="overall"):
            yield SecondsBar(id="session-bar")
            yield TextLine(id="upcoming")
        yield OneLineFooter()

    def on_mount(self) -> None:
        # Looked up once: the view is pushed to them every second.
        self._lines = {line.id or "": line for line in self.query(TextLine)}
        self.listeners = SessionListeners(self.kit.listeners, self.routine, self.timeline)
        self.run_worker(self.sound.build, name="sound", thread=True, exit_on_error=False)
        # The clock starts once the first cue can sound on its beat: when the sound is ready,
        # or known to be unavailable, or after SOUND_WAIT_S at the most.
        self.set_timer(SOUND_WAIT_S, self._start)

    def _start(self) -> None:
        if not self.engine.started and not self._ended:
            self._handle(self.engine.start(self.start_index))

    def on_resize(self, event: events.Resize) -> None:
        # Tall terminals gather the exercise in the middle instead of leaving a gap below it.
        self.set_class(event.size.height >= ROOMY_HEIGHT, "-roomy")
        # Short terminals: no blank rows between the parts, so the clock and the drawing side
        # by side still leave the instructions and the caution room to be read whole.
        self.set_class(event.size.height < ROOMY_HEIGHT, "-compact")
        self._apply_layout(layout_for(event.size.width, event.size.height, self.kit.drawings))

    def _apply_layout(self, layout: SessionLayout) -> None:
        """Clock, phase word and drawing sized for the terminal: bigger from further away."""
        old, self._layout = self._layout, layout
        self.set_class(layout.clock_scale > 1, "-big-clock")
        self.set_class(layout.drawing_scale > 0, "-drawing")
        self.query_one("#big-clock", BigText).scale = max(1, layout.clock_scale)
        phase = self.query_one("#phase", BigText)
        phase.scale = layout.word_scale
        # As wide as the widest word, so UP, HOLD and DOWN change no layout and move nothing.
        phase.styles.width = max(big_width(word, layout.word_scale) for word in WIDEST_WORDS)
        self.drawing.scale = layout.drawing_scale
        drawing = self.drawing.widget
        drawing.styles.width = 30 * max(1, layout.drawing_scale)
        drawing.styles.height = 8 * max(1, layout.drawing_scale)
        if self._view is not None and old.clock_scale != layout.clock_scale:
            self._show_clock(self._view.clock_s)
        if old.drawing_scale != layout.drawing_scale:
            self.drawing.show(force=True)

    def on_unmount(self) -> None:
        self._cancel_wake()
        self._cancel_collect()
        self.drawing.stop()

    # -- time ------------------------------------------------------------------------------

    def wake(self) -> None:
        """Poll the engine and show what changed; the timer's callback, so it never raises."""
        self._timer = None
        try:
            self._handle(self.engine.poll())
        except Exception as exc:
            self._carry_on("waking up", exc)
            try:
                self._schedule_wake()
            except Exception as again:
                self._carry_on("scheduling the next wake-up", again)

    def _schedule_wake(self) -> None:
        self._cancel_wake()
        wait = None if self._ended else seconds_to_next_wake(self.engine, self.engine.clock.now())
        if wait is not None:
            self._timer = self.set_timer(wait, self.wake, name="session-wake")

    def _cancel_wake(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _cancel_collect(self) -> None:
        if self._collect_timer is not None:
            self._collect_timer.stop()
            self._collect_timer = None

    def collect_garbage(self) -> bool:
        """A full collection of what the last step left behind, unless a deadline is near;
        whether it ran. The timer's callback, so it never raises.

        Each step restyles the screen and rebuilds its footer: Textual's widgets and styles
        left in reference cycles, which Python's collector otherwise keeps until its rare full
        collections (about 13,000 objects by the end of a 27-second session). Collected as
        each step begins, the session's memory stays about 1 MB lower (bench_memory.py). What
        start-up loaded is frozen (coach.commands.session) and left out of the walk; a session
        begun from home also walks what home loaded after its first frame.
        """
        self._collect_timer = None
        try:
            engine = self.engine
            deadline = engine.next_deadline()
            if self._ended or (
                deadline is not None and deadline - engine.clock.now() < COLLECT_MARGIN_S
            ):
                return False
            gc.collect()
            return True
        except Exception as exc:
            self._carry_on("collecting garbage", exc)
            return False

    # -- events ----------------------------------------------------------------------------

    def _handle(self, events: list[Event]) -> None:
        """Sound, tell the listeners, tally, then show: the same for a wake and for a key."""
        if self._ended:
            return
        now = self.engine.clock.now()
        for event in events:
            if isinstance(event, Cue) and now - event.at <= LATE_CUE_S:
                self._sound_cue(event)
            self.listeners.tell(event)
            self.tally.add(event)
        self._show_notices()
        if any(isinstance(event, SessionFinished) for event in events):
            self._end()
            return
        self._refresh_view()
        self._schedule_wake()
        if any(isinstance(event, SegmentStarted) for event in events):
            self._cancel_collect()
            self._collect_timer = self.set_timer(
                COLLECT_AFTER_S, self.collect_garbage, name="session-collect"
            )

    def _sound_cue(self, cue: Cue) -> None:
        try:
            heard = self.sound.play(cue)
        except Exception as exc:
            self._carry_on(f"sounding the {cue.kind} cue", exc)
            heard = False
        if not heard:
            self.flash()

    def flash(self) -> None:
        """The cue that could not be heard, seen and rung instead.

        An inline background on the title and the clock rather than a CSS class: a class
        change restyles through the stylesheet, which on every tempo beat of a silent session
        costs more than the beat's whole repaint.
        """
        accent = Color.parse(self.app.theme_variables.get("accent", "yellow"))
        lit = [self.query_one("#title"), self._visible_clock()]
        lit[0].styles.background = accent
        lit[1].styles.background = accent.with_alpha(0.35)
        if self._flash_timer is not None:
            self._flash_timer.stop()

        def unlit() -> None:
            for widget in lit:
                widget.styles.clear_rule("background")

        self._flash_timer = self.set_timer(FLASH_S, unlit)
        self.app.bell()

    def _visible_clock(self) -> Widget:
        return self.query_one("#big-clock" if self._layout.clock_scale > 1 else "#clock")

    def _show_notices(self) -> None:
        failure = self.listeners.take_failure()
        if failure is not None:
            self.notify(failure, title="History", severity="error", timeout=10)
        try:
            notices = self.sound.notices()
        except Exception as exc:
            self._carry_on("reading the sound's notices", exc)
            return
        for notice in notices:
            self.notify(notice, title="Sound", severity="warning", timeout=8)

    def _carry_on(self, doing: str, exc: Exception) -> None:
        log.exception("session screen: %s failed", doing)
        self.problems.append(f"{doing}: {exc!r}")

    def _end(self) -> None:
        self._ended = True
        self._cancel_wake()
        self._cancel_collect()
        self.drawing.end()
        summary = Summary(self.timeline.name, self.engine.session_elapsed(), self.tally.outcome())
        self.post_message(SessionEnded(summary))

    async def release(self) -> None:
        """Once ended: let go of the widgets and what they hold, before the next screen is
        built. `coach run`'s session stays under its Finished screen to the end (a first
        screen cannot be switched away from), and would otherwise keep them all along; its cue
        sounds go too."""
        self._lines = {}
        self.drawing.let_go()
        self.sound.forget_sounds()
        await self.remove_children()
        # Removed is not gone: the screen's caches (Textual's, pinned version) of its last
        # layout, of its answers to `query_one` and of which children it shows keep the
        # widgets and all they drew alive under the Finished screen until it is laid out
        # again, which it never is. Emptied here, as Textual empties a removed widget's own.
        self._arrangement_cache.clear()
        self._query_one_cache.clear()
        _ = self.displayed_children  # asked again, it forgets the removed children

    @on(Worker.StateChanged)
    def _sound_ready(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "sound" or self._ended:
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._start()
        if event.state == WorkerState.SUCCESS:
            for heard in self.sound.flush():
                if not heard:
                    self.flash()
            self._show_notices()
            self._refresh_controls()
        elif event.state == WorkerState.ERROR:
            self.sound.give_up(str(event.worker.error))
            self._show_notices()
            self._refresh_controls()

    # -- showing ---------------------------------------------------------------------------

    def _refresh_view(self) -> None:
        view = view_of(self.engine, self.engine.clock.now(), self._open_ended)
        self.set_class(self.engine.paused, "-paused")
        self._refresh_controls()
        self.drawing.show()
        if view == self._view:
            return
        self._view = view
        for kind in KINDS:
            self.set_class(view.kind == kind, f"-{kind}")
        self.set_class(view.counting_up, "-self-paced")
        self.set_class(bool(view.phase), "-tempo")
        for name, value in view.lines().items():
            line = self._lines[name]
            if line.text != value:  # most lines stay as they were: a reactive's set costs more
                line.text = value
        phase = self.query_one("#phase", BigText)
        phase.text = view.big_word
        phase.tone = view.phase.lower() if view.phase.lower() in PHASES else ""
        self._show_clock(view.clock_s)
        segment_bar = self.query_one("#segment-bar", SecondsBar)
        segment_bar.total, segment_bar.done = view.segment_total, view.segment_done
        session_bar = self.query_one("#session-bar", SecondsBar)
        session_bar.total, session_bar.done = view.session_total, view.session_done

    def _show_clock(self, seconds: int) -> None:
        """Only the clock on show is told: the hidden one catches up when the layout changes."""
        if self._layout.clock_scale > 1:
            self.query_one("#big-clock", BigText).text = text.clock(seconds)
        else:
            self.query_one("#clock", Countdown).seconds = seconds

    def _refresh_controls(self) -> None:
        """Footer and sound state follow the engine; the footer is redrawn only on a change."""
        muted, silent = self.sound.muted, self.sound.unavailable
        self._lines["sound-state"].text = "MUTED" if muted else "no sound" if silent else ""
        now = controls(self.engine, muted)
        if now != self._controls:
            self._controls = now
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return offered(action, self.engine, self.sound.muted, self._ended)

    # -- controls --------------------------------------------------------------------------

    def _control(self, name: str, *args: float) -> None:
        try:
            self._handle(getattr(self.engine, name)(*args))
        except Exception as exc:
            self._carry_on(name, exc)

    def action_pause(self) -> None:
        self._control("pause")

    def action_resume(self) -> None:
        self._control("resume")

    def action_skip(self) -> None:
        self._control("skip")

    def action_back(self) -> None:
        self._control("back")

    def action_restart(self) -> None:
        self._control("restart_segment")

    def action_adjust(self, seconds: float) -> None:
        self._control("adjust", float(seconds))

    def action_done(self) -> None:
        self._control("mark_done")

    def action_mute(self) -> None:
        self.sound.toggle_mute()
        self._refresh_controls()

    def action_unmute(self) -> None:
        self.sound.toggle_mute()
        self._refresh_controls()

    def stop_now(self) -> bool:
        """End the session at once, without asking; True if it was still running."""
        if self._ended or self.engine.finished:
            return False
        self._control("stop")
        return True

    def action_stop(self) -> None:
        """Ask first, paused meanwhile; yes ends the session and shows what was done."""
        was_paused = self.engine.paused
        if not was_paused:
            self._control("pause")

        def answered(stop: bool | None) -> None:
            if stop:
                self._control("stop")
            elif not was_paused:
                self._control("resume")

        question = ConfirmScreen(
            "Stop this session?", "What you have done so far still counts.", yes="Stop", no="Go on"
        )
        self.app.push_screen(question, answered)
