"""What a reminder does, driven with a recording notifier and a fake clock: nothing when the
plan is done, each button's effect, snooze waiting and checking again, and the wait's limit.
Also which terminal "Start" opens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

import pytest

from coach.remind.fire import Due, FakeSleeper, remind, reminder_note
from coach.remind.launch import NoTerminal, terminal_command
from coach.remind.notify import CLOSED_BY_CALL, DISMISSED, EXPIRED, Answer, RecordingNotifier

DUE = Due("foot-daily", "Daily foot care", 695.0, time(7, 30), 3)


@dataclass
class Effects:
    started: list[Due] = field(default_factory=list)
    logged: list[Due] = field(default_factory=list)


def run(
    notifier: RecordingNotifier,
    checks: list[Due | None],
    clock: FakeSleeper | None = None,
    wait_s: float = 7200.0,
) -> tuple[str, Effects]:
    effects = Effects()
    outcome = remind(
        lambda: checks.pop(0),
        notifier,
        clock or FakeSleeper(),
        wait_s=wait_s,
        snooze_s=900.0,
        start=effects.started.append,
        done=effects.logged.append,
    )
    return outcome, effects


def test_the_note_names_the_routine_its_length_the_time_and_the_streak() -> None:
    note = reminder_note(DUE, 900.0)
    assert note.summary == "Daily foot care · 11 min 35 s"
    assert note.body == (
        "Daily foot care is planned at 07:30 today. You are on a 3-day streak;"
        " a session today keeps it going."
    )
    assert note.actions == (("start", "Start"), ("snooze", "In 15 min"), ("done", "Done already"))
    fresh = reminder_note(Due("x", "X", 60.0, None, 0), 600.0)
    assert fresh.body == "X is planned today. A session today starts a streak."
    assert fresh.actions[1] == ("snooze", "In 10 min")


def test_nothing_due_means_no_notification() -> None:
    notifier = RecordingNotifier()
    assert run(notifier, [None]) == ("nothing due", Effects())
    assert notifier.sent == []


def test_start_opens_the_routine() -> None:
    notifier = RecordingNotifier([Answer("action", "start")])
    outcome, effects = run(notifier, [DUE])
    assert (outcome, effects.started, effects.logged) == ("started", [DUE], [])


def test_done_logs_it() -> None:
    notifier = RecordingNotifier([Answer("action", "done")])
    outcome, effects = run(notifier, [DUE, None])
    assert (outcome, effects.logged, effects.started) == ("logged", [DUE], [])
    assert len(notifier.sent) == 1


def test_after_done_a_routine_that_came_due_meanwhile_is_next() -> None:
    evening = Due("bedtime-calves", "Bedtime calf stretches", 411.0, time(7, 45), 3)
    notifier = RecordingNotifier([Answer("action", "done"), Answer("action", "start")])
    outcome, effects = run(notifier, [DUE, evening])
    assert (outcome, effects.logged, effects.started) == ("started", [DUE], [evening])
    assert [note.summary for note in notifier.sent] == [
        "Daily foot care · 11 min 35 s",
        "Bedtime calf stretches · 6 min 51 s",
    ]


def test_snooze_waits_then_checks_again_and_notifies_anew() -> None:
    clock = FakeSleeper()
    notifier = RecordingNotifier([Answer("action", "snooze"), Answer("action", "done")])
    outcome, effects = run(notifier, [DUE, DUE, None], clock)
    assert clock.slept == [900.0]
    assert len(notifier.sent) == 2 and notifier.closed == [1]
    assert (outcome, effects.logged) == ("logged", [DUE])


def test_snooze_ends_quietly_when_it_was_done_meanwhile() -> None:
    notifier = RecordingNotifier([Answer("action", "snooze")])
    assert run(notifier, [DUE, None])[0] == "nothing due"
    assert len(notifier.sent) == 1


def test_no_answer_within_the_wait_closes_the_note() -> None:
    notifier = RecordingNotifier([Answer("timeout")])
    assert run(notifier, [DUE], wait_s=60.0)[0] == "no answer"
    assert notifier.waits == [60.0] and notifier.closed == [1]


@pytest.mark.parametrize("reason", [DISMISSED, CLOSED_BY_CALL])
def test_a_dismissed_note_ends_the_reminder(reason: int) -> None:
    notifier = RecordingNotifier([Answer("closed", reason=reason)])
    assert run(notifier, [DUE])[0] == "dismissed"


def test_an_expired_note_keeps_waiting_for_its_buttons_and_unknown_actions_are_ignored() -> None:
    notifier = RecordingNotifier(
        [Answer("closed", reason=EXPIRED), Answer("action", "default"), Answer("action", "start")]
    )
    assert run(notifier, [DUE])[0] == "started"
    assert len(notifier.waits) == 3


# -- the terminal "Start" opens ---------------------------------------------------------------

COACH = ["/usr/bin/coach", "run", "foot-daily"]


def nothing(_: str) -> str | None:
    return None


@pytest.mark.parametrize(
    ("setting", "env", "found", "expected"),
    [
        ("foot -e {command}", {"TERMINAL": "kitty"}, nothing, ["foot", "-e", *COACH]),
        ("sh -c '{command}; read'", {}, nothing,
         ["sh", "-c", "/usr/bin/coach run foot-daily; read"]),
        (None, {"TERMINAL": "alacritty --class coach"}, nothing,
         ["alacritty", "--class", "coach", "-e", *COACH]),
        (None, {}, lambda name: f"/usr/bin/{name}", ["xdg-terminal-exec", *COACH]),
        (None, {}, lambda name: "/usr/bin/x" if name == "x-terminal-emulator" else None,
         ["x-terminal-emulator", "-e", *COACH]),
    ],
)  # fmt: skip
def test_the_terminal_is_the_setting_then_terminal_then_xdg_then_debians(
    setting: str | None, env: dict[str, str], found: object, expected: list[str]
) -> None:
    assert terminal_command(COACH, setting, env, found) == expected  # type: ignore[arg-type]


def test_no_terminal_at_all_says_what_to_set() -> None:
    with pytest.raises(NoTerminal, match=r"set `terminal:` in the settings"):
        terminal_command(COACH, None, {}, nothing)


def test_a_terminal_that_cannot_start_is_said_plainly(tmp_path: object) -> None:
    from coach.remind.launch import open_terminal

    with pytest.raises(NoTerminal, match=r"cannot start /nonexistent/term"):
        open_terminal(["/nonexistent/term", "-e", "coach"])


def test_an_unreadable_terminal_setting_is_said_plainly() -> None:
    with pytest.raises(NoTerminal, match=r"the `terminal` setting cannot be read"):
        terminal_command(COACH, "foot -e '{command}", {}, nothing)
