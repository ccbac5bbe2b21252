"""A private D-Bus session bus and a fake notification server on it, written with jeepney.

The server takes the well-known name org.freedesktop.Notifications, records every call, and
answers each `Notify` as a person would through GNOME or KDE: by emitting `ActionInvoked`
(then `NotificationClosed`) or just `NotificationClosed`, scripted by the test.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CAPABILITIES = ["actions", "body", "body-markup"]


@dataclass(frozen=True)
class Notified:
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, Any]
    expire_timeout: int


@dataclass
class FakeNotificationServer:
    """Answers the n-th `Notify` with `answers[n]`: `("action", key)`, `("closed", reason)` or
    `None` (no answer: the notification just stays)."""

    address: str
    answers: list[tuple[str, Any] | None] = field(default_factory=list)
    notified: list[Notified] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._first_notify = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> None:
        self._thread.start()
        assert self._ready.wait(10), "the fake notification server did not start"

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def wait_for_notify(self, timeout: float) -> bool:
        """Block until the first `Notify` arrives (True), or `timeout` seconds pass (False)."""
        return self._first_notify.wait(timeout)

    def _serve(self) -> None:
        with open_dbus_connection(bus=self.address) as conn:
            reply = Proxy(message_bus, conn).RequestName(NAME, 4)  # DO_NOT_QUEUE
            assert reply == (1,), f"could not take {NAME}: {reply}"
            self._ready.set()
            emitter = DBusAddress(PATH, interface=NAME)
            while not self._stop.is_set():
                try:
                    message = conn.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if message.header.message_type != MessageType.method_call:
                    continue
                self._handle(conn, emitter, message)

    def _handle(self, conn: Any, emitter: DBusAddress, message: Any) -> None:
        from jeepney import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            conn.send(new_method_return(message, "as", (CAPABILITIES,)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(message, "ssss", ("fake", "coach tests", "1", "1.2")))
        elif member == "Notify":
            self.notified.append(Notified(*message.body))
            self._first_notify.set()
            note_id = len(self.notified)
            conn.send(new_method_return(message, "u", (note_id,)))
            answer = self.answers.pop(0) if self.answers else None
            if answer is not None and answer[0] == "action":
                conn.send(new_signal(emitter, "ActionInvoked", "us", (note_id, answer[1])))
                conn.send(new_signal(emitter, "NotificationClosed", "uu", (note_id, 2)))
            elif answer is not None:
                conn.send(new_signal(emitter, "NotificationClosed", "uu", (note_id, answer[1])))
        elif member == "CloseNotification":
            (note_id,) = message.body
            self.closed.append(note_id)
            conn.send(new_method_return(message))
            conn.send(new_signal(emitter, "NotificationClosed", "uu", (note_id, 3)))


class PrivateBus:
    """A `dbus-daemon --session` of the test's own, stopped at the end (or earlier, by `stop`)."""

    def __init__(self) -> None:
        daemon = shutil.which("dbus-daemon")
        if daemon is None:
            pytest.skip(
                "dbus-daemon is not installed (Debian package dbus; make setup installs it)"
            )
        self.process = subprocess.Popen(
            [daemon, "--session", "--print-address=1", "--nofork", "--nopidfile"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()
        assert self.address.startswith("unix:"), self.address

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def private_bus() -> Iterator[PrivateBus]:
    bus = PrivateBus()
    yield bus
    bus.stop()


@pytest.fixture
def session_bus(private_bus: PrivateBus) -> str:
    """The address of a private session bus that lives for one test."""
    return private_bus.address


@pytest.fixture
def server(session_bus: str) -> Iterator[FakeNotificationServer]:
    fake = FakeNotificationServer(session_bus)
    fake.start()
    yield fake
    fake.stop()
