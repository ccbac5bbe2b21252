"""The exercise's drawing during a session: the picture the engine's clock says now, and a
one-shot timer of its own for the next frame while it moves, apart from the screen's wake-up
(a frame touches nothing else on the screen)."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer

from coach.session.engine import SessionEngine
from coach.tui.drawing_frames import Frame, frame_of, seconds_to_next_frame_of
from coach.tui.widgets.drawing import ExerciseDrawing

#: Two reckonings of the next frame's moment closer than this are the same moment (they differ
#: only by rounding: each is a reading of the clock plus the wait from it).
SAME_MOMENT_S = 1e-6


class SessionDrawing:
    """Shows `engine`'s exercise in `widget` at `scale` (0: not shown); `carry_on` hears what
    went wrong in the frame timer's callback, which must never raise."""

    def __init__(
        self,
        widget: ExerciseDrawing,
        engine: SessionEngine,
        carry_on: Callable[[str, Exception], None],
    ) -> None:
        self._widget: ExerciseDrawing | None = widget
        self.engine = engine
        self.carry_on = carry_on
        self.scale = 0
        self.ended = False
        self.timer: Timer | None = None
        self._frame: Frame | None = None
        self._due: float | None = None  # on the engine's clock, while `timer` runs

    def show(self, force: bool = False) -> None:
        """The picture now, repainted only when a dot of it changed; then the next frame is
        booked while it moves."""
        if not self.scale or self._widget is None:
            self.stop()
            return
        now = self.engine.clock.now()
        frame = frame_of(self.engine, now)
        if frame != self._frame or force:
            self._frame = frame
            self.widget.show(frame.picture(self.scale) if frame else None)
            # Nothing to show (a rest, a step without a drawing): its room goes to the text.
            self.widget.set_class(frame is None, "-none")
        self._book(now)

    def end(self) -> None:
        """The session is over: no frame is booked from now on."""
        self.ended = True
        self.stop()

    def let_go(self) -> None:
        """The screen let go of its widgets: the drawing's goes too, and nothing is shown."""
        self.end()
        self._widget = None

    @property
    def widget(self) -> ExerciseDrawing:
        """The drawing's widget, until `let_go`: asked for after that is a mistake."""
        assert self._widget is not None, "the session let its drawing go"
        return self._widget

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self._due = None

    def next_frame(self) -> None:
        """The frame timer's callback, so it never raises."""
        self.timer = None
        self._due = None
        try:
            self.show()
        except Exception as exc:
            self.carry_on("drawing the next frame", exc)

    def _book(self, now: float) -> None:
        """Booked again only when the next frame's moment moved (a pause, a skip, a new step):
        every wake and beat of the screen asks, and most leave that moment where it was."""
        wait = None if self.ended else seconds_to_next_frame_of(self.engine, now)
        due = None if wait is None else now + wait
        booked = self._due
        if due is not None and booked is not None and abs(due - booked) < SAME_MOMENT_S:
            return
        self.stop()
        if wait is not None:
            self._due = due
            self.timer = self.widget.set_timer(wait, self.next_frame, name="drawing-frame")
