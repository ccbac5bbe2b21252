"""The recorder fed by a real SessionEngine on a fake clock: what lands in history, and when."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import builders
import pytest

from coach.history.recorder import Recorder, plan_hash, resume_points
from coach.history.store import HistoryStore
from coach.routine.model import ExerciseStep, Routine, Sides, Step
from coach.routine.timeline import Timeline, expand
from coach.session.clock import FakeClock
from coach.session.engine import Event, SegmentEnded, SessionEngine

LONDON = ZoneInfo("Europe/London")
START = datetime(2024, 5, 14, 7, 30, tzinfo=LONDON)


def exercise(
    name: str,
    duration: float | None = None,
    *,
    reps: int | None = None,
    sides: Sides = "none",
    sets: int = 1,
    rest: float = 0.0,
) -> ExerciseStep:
    """A step with 2 s to get ready and 1 s to switch sides, so each kind of segment shows."""
    return builders.exercise(
        name, duration, reps=reps, sides=sides, sets=sets, switch=1.0, prepare=2.0, rest=rest
    )


def routine(*steps: Step, id: str = "feet") -> Timeline:
    return expand(Routine(id=id, name="Feet", steps=steps))


# 0 prepare Hold | 1 work Hold L 10 s | 2 switch | 3 work Hold R 10 s | 4 prepare Raise
# 5 work Raise set 1, 5 s | 6 rest 3 s | 7 work Raise set 2, 5 s | 8 prepare Pick | 9 work Pick
FEET = routine(
    exercise("Hold", 10, sides="both"),
    exercise("Raise", 5, sets=2, rest=3),
    exercise("Pick", reps=10),
)


class Played:
    """A session engine on a fake clock with a recorder listening, as the plain runner has."""

    def __init__(
        self,
        store: HistoryStore,
        timeline: Timeline = FEET,
        *,
        wall: datetime = START,
        resume: int | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.engine = SessionEngine(timeline, self.clock)
        self.recorder = Recorder(
            timeline,
            source="plain",
            store=store,
            wall_clock=lambda: wall,
            resume=resume,
            on_notice=on_notice,
        )

    def feed(self, events: list[Event]) -> None:
        for event in events:
            self.recorder(event)

    def start(self, at_index: int = 0) -> Played:
        self.feed(self.engine.start(at_index))
        return self

    def advance(self, seconds: float) -> Played:
        self.clock.advance(seconds)
        self.feed(self.engine.poll())
        return self

    def to_end(self) -> None:
        while not self.engine.finished:
            current = self.engine.current
            if current is not None and current.self_paced:
                self.clock.advance(20)
                self.feed(self.engine.mark_done())
            else:
                self.advance(self.engine.remaining() or 0.0)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore.open(tmp_path / "history.db")


def at(seconds: float) -> str:
    return (START + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def test_a_whole_session_is_one_completed_row_with_every_work_step(store: HistoryStore) -> None:
    Played(store).start().to_end()
    [session] = store.sessions()
    assert (session.routine_id, session.routine_name, session.source) == ("feet", "Feet", "plain")
    assert session.status == "completed"
    assert session.plan_hash == plan_hash(FEET)
    # 2 + 10 + 1 + 10 + 2 + 5 + 3 + 5 + 2 planned seconds, then Pick took 20 s.
    assert (session.planned_s, session.active_s, session.paused_s) == (40.0, 60.0, 0.0)
    assert (session.started_at, session.ended_at) == (at(0), at(60))
    steps = [
        (s.index, s.name, s.side, s.set, s.sets, s.planned_s, s.actual_s) for s in session.steps
    ]
    assert steps == [
        (1, "Hold", "left", 1, 1, 10.0, 10.0),
        (3, "Hold", "right", 1, 1, 10.0, 10.0),
        (5, "Raise", None, 1, 2, 5.0, 5.0),
        (7, "Raise", None, 2, 2, 5.0, 5.0),
        (9, "Pick", None, 1, 1, None, 20.0),
    ]
    assert [(s.started_at, s.ended_at) for s in session.steps[:2]] == [
        (at(2), at(12)),
        (at(13), at(23)),
    ]
    assert session.steps[4].reps == 10
    assert all(s.status == "done" for s in session.steps)


def test_each_step_is_committed_the_moment_it_ends(store: HistoryStore, tmp_path: Path) -> None:
    """What a killed session leaves: a partial row with every step that had ended."""
    played = Played(store).start().advance(2 + 10 + 1 + 10 + 1)  # into Raise's prepare
    assert played.engine.index == 4
    # Another connection (another process, after a kill) sees both steps already.
    with HistoryStore.open(tmp_path / "history.db") as other:
        [session] = other.sessions()
    assert session.status == "partial"
    assert [s.index for s in session.steps] == [1, 3]
    assert session.ended_at == at(23)
    assert session.active_s == 23.0


def test_a_row_exists_as_partial_from_the_first_event(store: HistoryStore) -> None:
    Played(store).start()
    [session] = store.sessions()
    assert (session.status, session.steps, session.started_at) == ("partial", (), at(0))


def test_pauses_count_as_paused_not_active(store: HistoryStore) -> None:
    played = Played(store).start().advance(5)  # 3 s into Hold left
    played.feed(played.engine.pause())
    played.clock.advance(7)
    played.feed(played.engine.resume())
    played.advance(7)  # Hold left ends
    [session] = store.sessions()
    [step] = session.steps
    assert (step.actual_s, step.started_at, step.ended_at) == (10.0, at(2), at(19))
    assert (session.active_s, session.paused_s) == (12.0, 7.0)


def test_stopping_while_paused_keeps_the_session_partial_with_the_pause(
    store: HistoryStore,
) -> None:
    played = Played(store).start().advance(12)
    played.feed(played.engine.pause())
    played.clock.advance(30)
    played.feed(played.engine.stop())
    [session] = store.sessions()
    assert (session.status, session.ended_at) == ("partial", at(42))
    assert (session.active_s, session.paused_s) == (12.0, 30.0)
    assert [s.index for s in session.steps] == [1]


def test_a_step_done_again_after_back_replaces_its_row(store: HistoryStore) -> None:
    played = Played(store).start().advance(2 + 10 + 1 + 10 + 2 + 2)  # 2 s into Raise set 1
    played.feed(played.engine.skip())
    [session] = store.sessions()
    assert [(s.index, s.status, s.actual_s) for s in session.steps][-1] == (5, "skipped", 2.0)
    played.advance(0.5)
    played.feed(played.engine.back())  # early in the rest: back to Raise's prepare
    assert played.engine.index == 4
    played.advance(2).advance(5)
    [session] = store.sessions()
    assert [(s.index, s.status, s.actual_s) for s in session.steps] == [
        (1, "done", 10.0),
        (3, "done", 10.0),
        (5, "done", 5.0),
    ]


def test_times_follow_the_wall_clock_across_a_daylight_saving_change(store: HistoryStore) -> None:
    # Clocks in London go from 01:00 GMT to 02:00 BST on 2024-03-31.
    Played(store, wall=datetime(2024, 3, 31, 0, 59, 50, tzinfo=LONDON)).start().advance(12)
    [session] = store.sessions()
    assert session.started_at == "2024-03-31T00:59:50.000+00:00"
    assert session.steps[0].started_at == "2024-03-31T00:59:52.000+00:00"
    assert session.steps[0].ended_at == "2024-03-31T02:00:02.000+01:00"


def test_an_interrupted_session_resumes_into_the_same_record(store: HistoryStore) -> None:
    Played(store).start().advance(2 + 10 + 1 + 10 + 1)  # killed during Raise's prepare
    now = START + timedelta(hours=2)
    found = store.find_resumable("feet", plan_hash(FEET), now)
    assert found is not None
    assert found.start_index == 4  # Raise's prepare: the first unfinished step's lead-in
    again = Played(store, wall=now, resume=found.session_id).start(found.start_index)
    again.to_end()
    [session] = store.sessions()
    assert session.id == found.session_id
    assert session.status == "completed"
    assert session.started_at == at(0)
    assert [s.index for s in session.steps] == [1, 3, 5, 7, 9]
    assert session.steps[2].started_at == (now + timedelta(seconds=2)).isoformat(
        timespec="milliseconds"
    )
    # 23 s when the last step before the interruption was written, then 2+5+3+5+2+20 after.
    assert session.active_s == 23.0 + 37.0
    assert store.find_resumable("feet", plan_hash(FEET), now) is None


def test_resuming_with_every_step_done_just_completes(store: HistoryStore) -> None:
    played = Played(store).start()
    played.to_end()
    session_id = store.sessions()[0].id
    assert session_id is not None
    # The same data as a kill just after the last step: finishing is all that is left.
    store.connection.execute(
        "UPDATE sessions SET status = 'partial', resume_at = 10 WHERE id = ?", (session_id,)
    )
    found = store.find_resumable("feet", plan_hash(FEET), START + timedelta(minutes=5))
    assert found is not None and found.start_index == len(FEET.segments)
    Played(store, resume=session_id).start(found.start_index)
    assert store.sessions()[0].status == "completed"


@pytest.mark.parametrize(
    ("why", "change", "hours", "expected"),
    [
        ("same plan, recent", None, 11.9, True),
        ("twelve hours later", None, 12.0, False),
        ("the routine changed", "plan", 1.0, False),
        ("a later session completed", "completed", 1.0, False),
        ("another routine", "routine", 1.0, False),
    ],
)
def test_find_resumable_only_offers_a_recent_partial_session_of_the_same_plan(
    store: HistoryStore, why: str, change: str | None, hours: float, expected: bool
) -> None:
    Played(store).start().advance(13)
    if change == "completed":
        Played(store, wall=START + timedelta(minutes=30)).start().to_end()
    # The last activity was 12 s after the start.
    now = START + timedelta(seconds=12) + timedelta(hours=hours)
    routine_id = "other" if change == "routine" else "feet"
    wanted = plan_hash(routine(exercise("Hold", 11))) if change == "plan" else plan_hash(FEET)
    found = store.find_resumable(routine_id, wanted, now)
    assert (found is not None) == expected, why


def test_a_logged_session_is_never_offered_for_resuming(store: HistoryStore) -> None:
    Played(store).start().advance(13)
    store.connection.execute("UPDATE sessions SET source = 'logged'")
    assert store.find_resumable("feet", plan_hash(FEET), START + timedelta(hours=1)) is None


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        # first work of an exercise: its prepare; a later set: the rest before it;
        # the other side: the switch; no prepare at all: the work itself.
        ((exercise("Hold", 10, sides="both"),), {1: 0, 3: 2}),
        ((exercise("Raise", 5, sets=3, rest=3),), {1: 0, 3: 2, 5: 4}),
        ((exercise("Raise", 5, sets=2),), {1: 0, 2: 2}),
    ],
)
def test_resume_points_lead_into_each_work_segment_without_redoing_work(
    steps: tuple[Step, ...], expected: dict[int, int]
) -> None:
    assert resume_points(routine(*steps)) == expected


def test_a_resume_of_a_missing_session_records_a_new_one(store: HistoryStore) -> None:
    notices: list[str] = []
    Played(store, resume=42, on_notice=notices.append).start().advance(13)
    [session] = store.sessions()
    assert [s.index for s in session.steps] == [1]
    assert notices == ["session 42 is not in the history; recording a new one"]


def test_a_read_only_history_is_reported_once_and_the_session_goes_on(tmp_path: Path) -> None:
    HistoryStore.open(tmp_path / "history.db").close()
    db = sqlite3.connect(f"file:{tmp_path / 'history.db'}?mode=ro", uri=True, isolation_level=None)
    notices: list[str] = []
    played = Played(HistoryStore(db), on_notice=notices.append).start()
    played.to_end()
    assert played.engine.finished
    assert len(notices) == 1
    assert notices[0].startswith("history could not be saved: attempt to write a readonly")
    assert played.recorder.notices == notices


def test_a_full_disk_is_reported_once_and_the_session_goes_on(store: HistoryStore) -> None:
    long = routine(*(exercise(f"Exercise number {n} with a long name", 1) for n in range(150)))
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
    notices: list[str] = []
    played = Played(store, long, on_notice=notices.append).start()
    played.to_end()
    assert played.engine.finished
    assert notices == [
        "history could not be saved: database or disk is full; the session goes on unrecorded"
    ]
    [session] = store.sessions()
    assert 0 < len(session.steps) < 150  # what fitted was kept


def test_an_unusable_data_folder_is_reported_and_the_session_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("COACH_DATA_DIR", str(blocker / "coach"))
    notices: list[str] = []
    clock = FakeClock()
    engine = SessionEngine(FEET, clock)
    recorder = Recorder(FEET, source="app", on_notice=notices.append)
    for event in engine.start():
        recorder(event)
    clock.advance(30)
    for event in engine.poll():
        recorder(event)
    assert recorder.store is None and recorder.session_id is None
    assert len(notices) == 1 and "cannot use the data folder" in notices[0]


def test_without_a_store_the_recorder_opens_the_users_history(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = SessionEngine(FEET, clock)
    recorder = Recorder(FEET, source="app", wall_clock=lambda: START)
    for event in engine.start() + engine.stop(clock.advance(3)):
        recorder(event)
    with HistoryStore.open(tmp_path / "data" / "history.db") as store:
        [session] = store.sessions()
    assert (session.source, session.status, session.active_s) == ("app", "partial", 3.0)


def test_a_damaged_history_is_moved_aside_and_the_recorder_says_so(tmp_path: Path) -> None:
    (tmp_path / "data" / "history.db").write_bytes(b"garbage" * 100)
    notices: list[str] = []
    recorder = Recorder(FEET, source="app", wall_clock=lambda: START, on_notice=notices.append)
    [notice] = notices
    assert "could not be read as coach history (it is not an SQLite database)" in notice
    clock = FakeClock()
    engine = SessionEngine(FEET, clock)
    for event in engine.start() + engine.stop(clock.advance(1)):
        recorder(event)
    with HistoryStore.open(tmp_path / "data" / "history.db") as store:
        assert len(store.sessions()) == 1


def test_events_after_the_end_change_nothing(store: HistoryStore) -> None:
    played = Played(store).start().advance(13)
    played.feed(played.engine.stop())
    before = store.sessions()
    played.recorder(SegmentEnded(999.0, FEET.segments[3], "done", 10.0))
    assert store.sessions() == before
    assert before[0].ended - before[0].started == timedelta(seconds=13)


def test_plan_hash_changes_with_the_plan_and_only_with_it() -> None:
    same = routine(exercise("Hold", 10, sides="both"), exercise("Raise", 5, sets=2, rest=3))
    assert plan_hash(same) == plan_hash(
        routine(exercise("Hold", 10, sides="both"), exercise("Raise", 5, sets=2, rest=3))
    )
    assert plan_hash(same) != plan_hash(
        routine(exercise("Hold", 10, sides="both"), exercise("Raise", 5, sets=3, rest=3))
    )
    assert len(plan_hash(same)) == 64


def test_a_session_skipped_to_its_end_is_partial_and_not_resumable(store: HistoryStore) -> None:
    """Bug #11: pressing skip to the end stored a `completed` session (and a streak day)."""
    played = Played(store).start()
    while not played.engine.finished:
        played.feed(played.engine.skip())
    [session] = store.sessions()
    assert session.status == "partial"
    assert all(s.status == "skipped" for s in session.steps)
    assert played.recorder.outcome().reached_end
    assert store.find_resumable("feet", plan_hash(FEET), START + timedelta(minutes=5)) is None


def test_after_a_resume_the_outcome_is_the_whole_sessions(store: HistoryStore) -> None:
    """Bug #11: the summary after a resume counted only the resumed part."""
    Played(store).start().advance(2 + 10 + 1 + 10 + 1)  # Hold done on both sides, then killed
    found = store.find_resumable("feet", plan_hash(FEET), START + timedelta(hours=1))
    assert found is not None
    again = Played(store, resume=found.session_id).start(found.start_index)
    again.to_end()
    outcome = again.recorder.outcome()
    assert (outcome.exercises, outcome.done) == (3, 3)
    assert again.recorder.final_active_s == store.sessions()[0].active_s == 60.0


def test_a_done_step_skipped_over_after_back_keeps_its_done_row(store: HistoryStore) -> None:
    """Defect #15 of the new-user walk: a step waited out, then gone back to and skipped
    over, was written over as `skipped` (0.6 s): the work done was lost from history."""
    tl = routine(builders.exercise("Hold A", 4.0), builders.exercise("Hold B", 6.0))
    played = Played(store, tl).start().advance(4.5)  # Hold A done, 0.5 s into Hold B
    played.feed(played.engine.back())  # early in Hold B: back to Hold A
    played.advance(0.6)
    played.feed(played.engine.skip())
    played.feed(played.engine.skip())
    [session] = store.sessions()
    assert [(s.name, s.status, s.actual_s) for s in session.steps] == [
        ("Hold A", "done", 4.0),
        ("Hold B", "skipped", 0.0),
    ]
    assert session.status == "partial"  # 4 of 10 s
