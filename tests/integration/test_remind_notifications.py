"""`coach remind fire` against a real private session bus (dbus-daemon) and a fake notification
server: what the notification says, and each button's effect, as a desktop would drive them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from integration.notification_server import (
    FakeNotificationServer,
    PrivateBus,
    private_bus,
    server,
    session_bus,
)

from coach import text
from coach.history.store import HistoryStore
from coach.remind.fire import Due, FakeSleeper, remind, reminder_note
from coach.remind.notify import DBusNotifier
from coach.routine.catalog import Catalog
from coach.routine.timeline import expand

__all__ = ["private_bus", "server", "session_bus"]  # fixtures used below

MARKUP_ROUTINE = """\
name: "<b>x</b> & y"
steps:
  - exercise: ankle-circles
    duration: 30s
"""


def length_of(routine_id: str) -> str:
    routine = Catalog.default().find(routine_id).routine
    assert routine is not None
    return text.length(expand(routine).total_s)


def settings(folders: Path, body: str) -> None:
    (folders / "config" / "settings.yaml").write_text(body, encoding="utf-8")


def fire(
    address: str | None, *args: str, runtime: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")
    }
    if address is not None:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    if runtime is not None:
        env["XDG_RUNTIME_DIR"] = str(runtime)
    return subprocess.run(
        [sys.executable, "-m", "coach", "remind", "fire", "--wait", "20s", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def sessions() -> list[dict[str, object]]:
    with HistoryStore.open() as store:
        return [
            {"routine": s.routine_id, "source": s.source, "status": s.status}
            for s in store.sessions()
        ]


DUE_NOW = "schedule:\n  - routine: foot-quick\n    at: '00:00'\n"


def test_done_logs_the_session_as_from_the_reminder(
    server: FakeNotificationServer, isolated_folders: Path
) -> None:
    settings(isolated_folders, DUE_NOW)
    server.answers = [("action", "done")]
    result = fire(server.address)
    assert result.returncode == 0, result.stderr
    (note,) = server.notified
    assert (note.app_name, note.summary) == ("coach", f"Quick feet · {length_of('foot-quick')}")
    assert note.body.startswith("Quick feet is planned at 00:00 today.")
    assert note.actions == ["start", "Start", "snooze", "In 15 min", "done", "Done already"]
    assert note.hints["desktop-entry"] == ("s", "coach")
    assert sessions() == [{"routine": "foot-quick", "source": "reminder", "status": "completed"}]
    # Done now: the next reminder stays quiet.
    again = fire(server.address)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert len(server.notified) == 1


def test_start_opens_the_configured_terminal_running_the_routine(
    server: FakeNotificationServer, isolated_folders: Path, tmp_path: Path
) -> None:
    # The terminal runs on its own, after `fire` has returned: it tells its command line
    # through a socket, which the test waits on (no polling of a file).
    address = tmp_path / "terminal.sock"
    recorder = tmp_path / "terminal.py"
    recorder.write_text(
        "import json, socket, sys\n"
        "with socket.socket(socket.AF_UNIX) as s:\n"
        f"    s.connect({str(address)!r})\n"
        "    s.sendall(json.dumps(sys.argv[1:]).encode())\n"
    )
    settings(isolated_folders, DUE_NOW + f"terminal: {sys.executable} {recorder} {{command}}\n")
    server.answers = [("action", "start")]
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(address))
        listener.listen(1)
        listener.settimeout(20)
        result = fire(server.address)
        assert result.returncode == 0, result.stderr
        terminal, _ = listener.accept()
        terminal.settimeout(20)
        with terminal, terminal.makefile("rb") as told:
            argv = json.loads(told.read())
    assert argv == [sys.executable, "-m", "coach", "run", "foot-quick"]
    assert sessions() == []


def test_text_reaching_the_notification_is_escaped_for_markup(
    server: FakeNotificationServer, isolated_folders: Path
) -> None:
    routines = isolated_folders / "config" / "routines"
    routines.mkdir()
    (routines / "markup.yaml").write_text(MARKUP_ROUTINE)
    settings(isolated_folders, "schedule:\n  - routine: markup\n    at: '00:00'\n")
    server.answers = [("closed", 2)]
    result = fire(server.address)
    assert result.returncode == 0, result.stderr
    (note,) = server.notified
    # The body is markup to this server: escaped. The summary is plain text by the spec.
    assert note.body.startswith("&lt;b&gt;x&lt;/b&gt; &amp; y is planned at 00:00 today.")
    assert note.summary == f"<b>x</b> & y · {length_of('markup')}"


def test_nothing_is_sent_when_the_plan_so_far_is_done(
    server: FakeNotificationServer, isolated_folders: Path
) -> None:
    settings(isolated_folders, DUE_NOW + "  - routine: foot-daily\n    at: '23:59'\n")
    logged = subprocess.run(
        [sys.executable, "-m", "coach", "log", "foot-quick"], capture_output=True, text=True
    )
    assert logged.returncode == 0, logged.stderr
    result = fire(server.address)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert server.notified == []


def test_no_session_bus_is_one_line_and_exit_1(isolated_folders: Path, tmp_path: Path) -> None:
    settings(isolated_folders, DUE_NOW)
    result = fire(None, runtime=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "coach: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set and there is no"
        " $XDG_RUNTIME_DIR/bus): desktop notifications need a desktop session"
    ]


def test_a_bus_without_a_notification_server_is_one_line_and_exit_1(
    session_bus: str, isolated_folders: Path
) -> None:
    settings(isolated_folders, DUE_NOW)
    result = fire(session_bus)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("coach: no notification server on the session bus")


def test_snooze_notifies_again_after_the_snooze_on_a_fake_clock(
    server: FakeNotificationServer,
) -> None:
    server.answers = [("action", "snooze"), ("action", "done")]
    due = Due("foot-quick", "Quick feet", 179.0, None, 0)
    clock = FakeSleeper()
    logged: list[Due] = []
    notifier = DBusNotifier(server.address)
    try:
        outcome = remind(
            lambda: None if logged else due,  # done is done
            notifier,
            clock,
            wait_s=30.0,
            snooze_s=600.0,
            start=lambda _: pytest.fail("not started"),
            done=logged.append,
        )
    finally:
        notifier.disconnect()
    assert outcome == "logged" and logged == [due]
    assert clock.slept == [600.0]
    assert len(server.notified) == 2
    assert server.notified[0].actions[3] == "In 10 min"


def test_no_answer_within_the_wait_closes_the_notification(server: FakeNotificationServer) -> None:
    notifier = DBusNotifier(server.address)
    try:
        note_id = notifier.notify(reminder_note(Due("x", "X", 60.0, None, 0), 900.0))
        assert notifier.answer(note_id, 0.05).kind == "timeout"
        notifier.close(note_id)
    finally:
        notifier.disconnect()
    assert server.closed == [1]


def test_a_bus_that_goes_away_while_waiting_is_one_line_and_exit_1(
    private_bus: PrivateBus, isolated_folders: Path
) -> None:
    settings(isolated_folders, DUE_NOW)
    server = FakeNotificationServer(private_bus.address, answers=[None])
    server.start()
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus.address}
    waiting = subprocess.Popen(
        [sys.executable, "-m", "coach", "remind", "fire"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.wait_for_notify(timeout=20), "no notification was sent"
    server.stop()
    private_bus.stop()
    out, err = waiting.communicate(timeout=30)
    assert waiting.returncode == 1
    (line,) = err.splitlines()
    assert line.startswith("coach: the session bus went away while waiting")


def test_while_one_reminder_waits_another_shows_nothing(
    server: FakeNotificationServer, isolated_folders: Path
) -> None:
    """Cron starts a job while the last one runs; one reminder on screen, not two."""
    import fcntl

    settings(isolated_folders, DUE_NOW)
    with open(isolated_folders / "cache" / "remind-fire.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = fire(server.address)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert server.notified == []
    server.answers = [("closed", 2)]
    assert fire(server.address).returncode == 0  # the lock went with its holder
    assert len(server.notified) == 1
