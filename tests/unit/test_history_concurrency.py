"""Two coach processes recording at the same moment into a history that does not exist yet."""

from __future__ import annotations

import subprocess
import sys

from coach.history.store import HistoryStore

SEGMENTS = 200

#: One recording process: builds a timeline of short work segments, waits for "go" on stdin so
#: both processes start together, then records a whole session on a fake clock (no sleeping).
RECORD = f"""
import sys
from coach.history.recorder import Recorder
from coach.routine.timeline import Segment, Timeline
from coach.session.clock import FakeClock
from coach.session.engine import SessionEngine

name = sys.argv[1]
segments = tuple(
    Segment(index=i, kind="work", name=f"{{name}} {{i}}", start_s=float(i), duration_s=1.0, group=i)
    for i in range({SEGMENTS})
)
timeline = Timeline(routine_id=name, name=name, segments=segments)
clock = FakeClock()
engine = SessionEngine(timeline, clock)
sys.stdin.readline()
recorder = Recorder(timeline, source="plain", on_notice=lambda m: print(m, file=sys.stderr))
for event in engine.start():
    recorder(event)
while not engine.finished:
    clock.advance(1.0)
    for event in engine.poll():
        recorder(event)
print("recorded", recorder.session_id)
"""


def test_two_processes_writing_at_once_lose_nothing() -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", RECORD, name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert err == ""
        assert out.startswith("recorded ")
    with HistoryStore.open() as store:
        sessions = store.sessions(newest_first=False)
        assert store.notices == []
    assert sorted(s.routine_id for s in sessions) == ["first", "second"]
    for session in sessions:
        assert session.status == "completed"
        assert [s.index for s in session.steps] == list(range(SEGMENTS))
        assert {s.name.split()[0] for s in session.steps} == {session.routine_id}
