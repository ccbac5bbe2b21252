"""The `--plain` runner, driven by a fake clock and scripted input: no real waiting."""

from __future__ import annotations

import io

from coach.plain import PlainRunner
from coach.routine.model import ExerciseStep, RestStep, Routine, TempoPhase
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.session.engine import Cue, Event, SessionEngine


def step(name: str, **kw: object) -> ExerciseStep:
    fields: dict[str, object] = {
        "name": name, "exercise_id": None, "instructions": (), "caution": None,
        "duration": None, "reps": None, "tempo": (), "sides": "none", "sets": 1,
        "switch": 0.0, "prepare": 0.0, "rest": 0.0,
    }  # fmt: skip
    fields.update(kw)
    return ExerciseStep(**fields)  # type: ignore[arg-type]


class ScriptedInput:
    """Answers self-paced waits from a script; every wait or sleep moves the fake clock."""

    def __init__(self, clock: FakeClock, lines: list[str], typing_s: float = 4.0) -> None:
        self.clock = clock
        self.lines = lines
        self.typing_s = typing_s
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(seconds)

    def wait(self, timeout: float | None) -> str | None:
        if timeout is not None and timeout < self.typing_s:
            self.clock.advance(timeout)
            return None
        self.clock.advance(self.typing_s)
        return self.lines.pop(0) if self.lines else ""


def run(routine: Routine, lines: list[str]) -> tuple[str, bool, list[Event]]:
    clock = FakeClock()
    engine = SessionEngine(expand(routine), clock)
    out = io.StringIO()
    seen: list[Event] = []
    runner = PlainRunner(engine, out, ScriptedInput(clock, lines), [seen.append])
    completed = runner.run()
    return out.getvalue(), completed, seen


ROUTINE = Routine(
    id="t",
    name="T",
    steps=(
        step("Hold", duration=5.0, sides="both", switch=2.0, prepare=3.0,
             instructions=("Stand tall.",), caution="Stop if it hurts."),
        RestStep(4.0),
        step("Pick", reps=10),
        step("Raise", reps=2, tempo=(TempoPhase("up", 1.0), TempoPhase("down", 1.0))),
    ),
)  # fmt: skip


def test_plain_run_prints_one_line_per_event_with_session_time() -> None:
    output, completed, _ = run(ROUTINE, ["\n"])
    assert completed
    assert output.splitlines() == [
        "[0:00] Get ready: Hold (left side), 3 s",
        "       Stand tall.",
        "       Caution: Stop if it hurts.",
        "[0:03] Go: Hold (left side), 5 s",
        "[0:05] 3",
        "[0:06] 2",
        "[0:07] 1",
        "[0:08] Switch sides: right side next, 2 s",
        "[0:10] Go: Hold (right side), 5 s",
        "[0:12] 3",
        "[0:13] 2",
        "[0:14] 1",
        "[0:15] Rest 4 s",
        "[0:16] 3",
        "[0:17] 2",
        "[0:18] 1",
        "[0:19] Go: Pick, 10 reps, at your own pace: press Enter when done",
        "[0:23] Go: Raise, 2 reps (1-1 s)",
        "[0:27] Session complete: 3 of 3 exercises done",
    ]


def test_listeners_get_every_cue_in_order() -> None:
    _, _, seen = run(ROUTINE, ["\n"])
    cues = [(e.kind, e.detail) for e in seen if isinstance(e, Cue)]
    assert cues[0] == ("prepare", None) and cues[-1] == ("finish", None)
    assert [d for k, d in cues if k == "tempo"] == ["up", "down", "up", "down"]
    assert [k for k, _ in cues].count("switch") == 1


def test_end_of_input_says_why_once_and_skips_self_paced_steps() -> None:
    """Bug #11: a closed stdin skipped self-paced steps silently; it must say why, once."""
    routine = Routine(id="t", name="T", steps=(*ROUTINE.steps, step("Curl", reps=5)))
    output, completed, _ = run(routine, [])
    assert output.count("no keyboard: self-paced steps are skipped") == 1
    assert "[0:23] Skipped: Pick" in output and "Skipped: Curl" in output
    # Done: the holds and the tempo raise, 14 s; skipped: 15 self-paced reps at 3 s each.
    assert not completed


def test_a_closed_stdin_never_counts_self_paced_work_as_done() -> None:
    """Bug #11: with stdin at its end, a self-paced-only session was `completed`."""
    routine = Routine(id="t", name="T", steps=(step("Pick", reps=10), step("Curl", reps=5)))
    output, completed, seen = run(routine, [])
    assert not completed
    assert output.splitlines()[-1] == (
        "[0:08] Ended: 0 of 2 exercises done; skipped steps don't count toward your streak"
    )


def test_the_relief_ended_early_speaks_of_no_streak() -> None:
    """Issue #11: the relief answers a cramp, so its honest verdict leaves streaks out."""
    routine = Routine(id="cramp-relief", name="Relief", steps=(step("Stretch", reps=1),))
    output, completed, _ = run(routine, [])
    assert not completed
    assert output.splitlines()[-1].endswith("] Ended: 0 of 1 exercise done")


def test_a_skip_over_a_step_already_done_is_not_said() -> None:
    """Review of defect #15's fix: history keeps a done step done when it is gone back to and
    skipped over, but the plain runner still printed "Skipped: Hold A" for it."""
    clock = FakeClock()
    routine = Routine(
        id="t", name="T", steps=(step("Hold A", duration=4.0), step("Hold B", duration=6.0))
    )
    engine = SessionEngine(expand(routine), clock)
    out = io.StringIO()
    runner = PlainRunner(engine, out, ScriptedInput(clock, []))
    runner.handle(engine.start())
    clock.advance(4.5)  # Hold A done, half a second into Hold B
    runner.handle(engine.poll())
    runner.handle(engine.back())  # early in Hold B: back to Hold A
    clock.advance(0.6)
    runner.handle(engine.skip())  # over Hold A, done before
    runner.handle(engine.skip())  # over Hold B
    said = out.getvalue()
    assert "Skipped: Hold A" not in said
    assert "Skipped: Hold B" in said
