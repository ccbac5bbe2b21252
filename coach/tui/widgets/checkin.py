"""The check-in on the Finished screen: how it felt (1/2/3), pain now (0-10), a note.

Keyboard only, and never in the way: the screen's Enter saves whatever was answered (nothing
answered, nothing saved) and Esc skips. The feeling keys move on to the pain field, so the
common answer is two keys: `2`, Enter.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from coach.cramps.diary import CrampDiary
from coach.history.checkins import (
    FEELING_WORDS,
    FEELINGS,
    NOTE_MAX,
    PAIN_ADVICE,
    CheckIn,
    Feeling,
    read_note,
    save_checkin,
)
from coach.tui.delivery import deliver
from coach.tui.history_access import HistoryAccess, read
from coach.tui.widgets.text_line import TextLine

CRAMP_OFFER = "No cramp logged today. Had one? Press c to log it."


class FeelingChoice(Widget, can_focus=True):
    """`1` easy · `2` about right · `3` hard; the chosen one stands out.

    Choosing keeps the focus here: only Tab moves on, as the form's hint says. When a choice
    moved on by itself, `2` Tab `5` put the 5 in the note and left the pain unanswered.
    """

    DEFAULT_CSS = """
    FeelingChoice {
        height: 1;
        width: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"choose({n})", FEELING_WORDS[feeling], show=False)
        for n, feeling in enumerate(FEELINGS, start=1)
    ]

    feeling: reactive[Feeling | None] = reactive(None)

    def action_choose(self, number: int) -> None:
        self.feeling = FEELINGS[number - 1]

    def render(self) -> Content:
        parts: list[Content | str] = []
        for n, feeling in enumerate(FEELINGS, start=1):
            label = f"{n} {FEELING_WORDS[feeling]}"
            chosen = feeling == self.feeling
            parts.append(
                Content.styled(f"[{label}]" if chosen else f" {label} ", "bold" if chosen else "")
            )
            parts.append("  ")
        return Content.assemble(*parts[:-1])


class PainScore(Widget, can_focus=True):
    """Pain 0 to 10 typed as digits (`1` then `0` is 10; another digit starts again);
    Backspace clears it. Other keys pass by, so `c` still logs a cramp from here."""

    DEFAULT_CSS = """
    PainScore {
        height: 1;
        width: 6;
        padding: 0 1;
        background: $boost;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(d), f"digit({d})", show=False) for d in range(10)),
        Binding("backspace,delete", "clear", show=False),
    ]

    score: reactive[int | None] = reactive(None)

    def action_digit(self, digit: int) -> None:
        self.score = 10 if self.score == 1 and digit == 0 else digit

    def action_clear(self) -> None:
        self.score = None

    def render(self) -> Content:
        return Content("–" if self.score is None else str(self.score))


class CheckInForm(Vertical):
    """The three questions about one recorded session, and keeping the answers.

    `save()` starts keeping them in a worker and the form posts `Saved` when that is done.
    """

    class Answered(Message):
        """Enter in a field: the person is done (the screen saves and goes on)."""

    class Saved(Message):
        """The answers are kept (or could not be: `problem`); `advice` is to be said once."""

        def __init__(self, advice: str | None, problem: str) -> None:
            super().__init__()
            self.advice = advice
            self.problem = problem

    def __init__(self, session_id: int, history: HistoryAccess, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session_id = session_id
        self.history = history
        self.saving = False

    DEFAULT_CSS = """
    CheckInForm {
        height: auto;
        border-top: solid $primary-muted;
    }
    CheckInForm Horizontal {
        height: 1;
    }
    CheckInForm .question {
        width: 18;
        text-style: bold;
    }
    CheckInForm Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    CheckInForm Input:focus {
        border: none;
    }
    CheckInForm Input:focus, CheckInForm FeelingChoice:focus, CheckInForm PainScore:focus {
        background: $surface-lighten-2;
    }
    CheckInForm #pain-scale {
        width: 1fr;
        padding-left: 1;
        color: $text-muted;
    }
    CheckInForm #checkin-hint, CheckInForm #cramp-offer {
        color: $text-muted;
    }
    CheckInForm #cramp-offer.-empty {
        display: none;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield TextLine("How did it feel?", classes="question")
            yield FeelingChoice(id="feeling")
        with Horizontal():
            yield TextLine("Pain or tightness", classes="question")
            yield PainScore(id="pain")
            yield TextLine("now, 0 (none) to 10", id="pain-scale")
        with Horizontal():
            yield TextLine("Note", classes="question")
            yield Input(placeholder="optional, one line", max_length=NOTE_MAX, id="note")
        yield TextLine("Tab moves on · Enter saves · Esc skips", id="checkin-hint")
        yield TextLine(id="cramp-offer")

    def on_mount(self) -> None:
        self.query_one(FeelingChoice).focus()
        self._read_cramps()

    @work(thread=True, exclusive=True, group="checkin-cramps")
    def _read_cramps(self) -> None:
        now = self.history.now()
        midnight = datetime.combine(now.date(), time(), now.tzinfo)
        result = read(self.history, lambda store: CrampDiary(store).cramps(since=midnight, limit=1))
        offer = result.value == []
        deliver(self, self.offer_cramp_log, offer)

    def answers(self) -> tuple[Feeling | None, int | None, str | None]:
        pain = self.query_one(PainScore).score
        # The Input holds at most NOTE_MAX characters, so read_note only tidies it.
        note = read_note(self.query_one("#note", Input).value)
        return (self.query_one(FeelingChoice).feeling, pain, note)

    def save(self) -> bool:
        """Start keeping the answers; False when there are none (nothing to wait for)."""
        if self.saving:
            return True
        feeling, pain, note = self.answers()
        if feeling is None and pain is None and note is None:
            return False
        self.saving = True
        self._save(CheckIn(feeling, pain, note, self.history.now()))
        return True

    @work(thread=True, exclusive=True, group="checkin-save")
    def _save(self, checkin: CheckIn) -> None:
        result = read(self.history, lambda store: save_checkin(store, self.session_id, checkin))
        advice = PAIN_ADVICE if result.value else None
        self.saving = False
        self.post_message(self.Saved(advice, result.problem))

    def offer_cramp_log(self, offer: bool) -> None:
        self.query_one("#cramp-offer", TextLine).text = CRAMP_OFFER if offer else ""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered())
