"""The cramp form, over whatever screen was showing, and the calm notice that may follow it.

Every answer starts at the diary's default, so `c` then Enter logs a cramp that happened now.
The arrows choose within a row (the choice follows the cursor, no extra key), up and down or
Tab move between rows, and Enter or ctrl+s saves from anywhere in the form. The form keeps
the cramp itself, in a worker, and stays open with the reason if that fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet

from coach.cramps.records import CrampRecord, new_cramp
from coach.cramps.values import (
    DEFAULT_DURATION,
    DEFAULT_FOOT,
    DEFAULT_PLACE,
    DEFAULT_SEVERITY,
    default_context,
)
from coach.history.when import WhenError
from coach.tui.cramp_view import (
    CONTEXT_LABELS,
    DURATION_LABELS,
    FOOT_LABELS,
    OTHER_TIME,
    PLACE_LABELS,
    SEVERITY_LABELS,
    LoggedCramp,
    log_cramp,
    moment_of,
    when_choices,
)
from coach.tui.history_access import Read
from coach.tui.widgets.text_line import TextLine


class ChoiceRow(RadioSet, inherit_bindings=False):
    """Radio buttons side by side where the arrows choose at once, leaving Enter to save."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous choice", show=False),
        Binding("right", "step(1)", "Next choice", show=False),
    ]

    def __init__(
        self, labels: Mapping[str, str], chosen: str, *, id: str, classes: str = ""
    ) -> None:
        self.values = list(labels)
        buttons = [RadioButton(label, value=key == chosen) for key, label in labels.items()]
        super().__init__(*buttons, id=id, classes=classes, compact=True)

    def on_mount(self) -> None:
        # The set moves its cursor to the first button as it mounts (after this handler);
        # it belongs on the chosen one.
        self.call_after_refresh(self._cursor_to_choice)

    def _cursor_to_choice(self) -> None:
        self._selected = self.pressed_index

    @property
    def value(self) -> str:
        return self.values[self.pressed_index]

    def choose(self, value: str) -> None:
        """Choose `value` from code, with the cursor on it and no `Changed` message.

        The set is told directly: a button's own message may not get through, since the
        set's message (in whose handler this often runs) carries a ban on it.
        """
        index = self.values.index(value)
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed):
            for n, button in enumerate(buttons):
                button.value = n == index
        self._pressed_button = buttons[index]
        self._selected = index

    def action_step(self, by: int) -> None:
        self._cursor_to_choice()
        if by < 0:
            self.action_previous_button()
        else:
            self.action_next_button()
        self.action_toggle_button()


class CrampLogScreen(ModalScreen[LoggedCramp | None]):
    """Dismissed with the cramp it kept, or None when cancelled."""

    CSS_PATH = "cramp_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("escape", "cancel", "Cancel", show=False),
        # Up and down leave a row, as they would leave a line of any form.
        Binding("up", "app.focus_previous", "Previous question", show=False),
        Binding("down", "app.focus_next", "Next question", show=False),
    ]

    def __init__(
        self, now: datetime, relief_start: datetime | None = None, exercising: bool = False
    ) -> None:
        """`now` is when the form opened, which `now` and `10 min ago` count from.

        `exercising`: opened over a session, so the cramp came "during or after exercise"
        (until another time is chosen, which brings its own context).
        """
        super().__init__()
        self.now = now
        self.exercising = exercising
        self.choices = when_choices(now, relief_start)
        # The context follows the chosen time (night or not) until it is chosen by hand.
        self._context_by_hand = False
        self._saving = False

    def compose(self) -> ComposeResult:
        when = {choice.label: choice.label for choice in self.choices}
        context = default_context(self.choices[0].moment or self.now)
        if self.exercising:
            context = "exercise"
        with Vertical(id="cramp-form") as form:
            form.border_title = "Log a cramp"
            yield from self._row("When", ChoiceRow(when, self.choices[0].label, id="when"))
            with HorizontalGroup(classes="field"):
                yield TextLine("", classes="field-label")
                yield Input(placeholder="HH:MM", id="time", compact=True, max_length=16)
                yield TextLine("or type a time: 03:10, yesterday 23:40", id="time-hint")
            yield from self._row("Foot", ChoiceRow(FOOT_LABELS, DEFAULT_FOOT, id="foot"))
            yield from self._row("Where", ChoiceRow(PLACE_LABELS, DEFAULT_PLACE, id="where"))
            severity = ChoiceRow(SEVERITY_LABELS, str(DEFAULT_SEVERITY), id="severity")
            yield from self._row("How bad", severity)
            duration = ChoiceRow(DURATION_LABELS, DEFAULT_DURATION, id="duration")
            yield from self._row("How long", duration)
            yield from self._row("Context", ChoiceRow(CONTEXT_LABELS, context, id="context"))
            with HorizontalGroup(classes="field"):
                yield TextLine("Note", classes="field-label")
                yield Input(placeholder="optional", id="note", compact=True, max_length=500)
            yield TextLine(id="form-problem")
            with HorizontalGroup(id="form-buttons"):
                yield Button("Save (Enter)", variant="success", id="save", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def _row(self, label: str, row: ChoiceRow) -> ComposeResult:
        with HorizontalGroup(classes="field"):
            yield TextLine(label, classes="field-label")
            yield row

    def on_mount(self) -> None:
        self.query_one("#when", ChoiceRow).focus()

    def _row_value(self, row_id: str) -> str:
        return self.query_one(f"#{row_id}", ChoiceRow).value

    # -- answers ---------------------------------------------------------------------------

    @on(RadioSet.Changed, "#when")
    def _when_changed(self, event: RadioSet.Changed) -> None:
        choice = self.choices[event.index]
        if choice.label == OTHER_TIME:
            return  # the time typed decides, once it is there
        self._follow_time(choice.moment or self.now)

    @on(Input.Changed, "#time")
    def _time_typed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            return
        self.query_one("#when", ChoiceRow).choose(OTHER_TIME)
        with suppress(WhenError):  # said on saving, not at every key
            self._follow_time(moment_of(self.choices[-1], event.value, self.now))

    @on(RadioSet.Changed, "#context")
    def _context_changed(self) -> None:
        self._context_by_hand = True

    def _follow_time(self, moment: datetime) -> None:
        if self._context_by_hand:
            return
        self.query_one("#context", ChoiceRow).choose(default_context(moment))

    # -- saving ----------------------------------------------------------------------------

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        when = self.choices[self.query_one("#when", ChoiceRow).pressed_index]
        typed = self.query_one("#time", Input).value
        try:
            record = new_cramp(
                moment_of(when, typed, self.now),
                foot=self._row_value("foot"),
                where=self._row_value("where"),
                severity=self._row_value("severity"),
                duration=self._row_value("duration"),
                context=self._row_value("context"),
                note=self.query_one("#note", Input).value,
            )
        except WhenError as exc:
            self._problem(str(exc))
            self.query_one("#time", Input).focus()
            return
        self._saving = True
        self._problem("")
        self.save(record)

    @work(thread=True, exclusive=True, group="cramp-save")
    def save(self, record: CrampRecord) -> None:
        result = log_cramp(record, self.now)
        self.app.call_from_thread(self._saved, result)

    def _saved(self, result: Read[LoggedCramp]) -> None:
        self._saving = False
        if result.value is None:
            self._problem(result.problem)
            return
        for notice in result.value.history_notices:
            self.notify(notice, title="History", severity="warning", timeout=10)
        self.dismiss(result.value)

    def _problem(self, text: str) -> None:
        self.query_one("#form-problem", TextLine).text = text

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._saving:
            self.dismiss(None)


class CrampNoticeScreen(ModalScreen[None]):
    """The diary's note that a pattern is worth taking to a doctor: calm, and one key away."""

    CSS_PATH = "cramp_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "OK", show=False),
    ]

    def __init__(self, notice: str, title: str = "A note from your diary") -> None:
        super().__init__()
        self.notice = notice
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="cramp-notice") as box:
            box.border_title = self.heading
            yield TextLine(self.notice, id="notice-text")
            yield TextLine("coach gives general information, not medical advice.", id="not-advice")
            yield Button("OK (Enter)", variant="primary", id="notice-ok", compact=True)

    @on(Button.Pressed, "#notice-ok")
    def action_close(self) -> None:
        self.dismiss(None)
