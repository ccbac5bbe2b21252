"""Desktop notifications (org.freedesktop.Notifications) over the session bus, with jeepney.

A notification's buttons only work while its sender is connected (KDE drops them as soon as
the sender leaves), so `answer` keeps the connection open and waits for the person's choice.
`RecordingNotifier` is the double the reminder's tests drive.
"""

from __future__ import annotations

import contextlib
import html
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

APP_NAME = "coach"
DESKTOP_ENTRY = "coach"
BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
#: NotificationClosed reasons (Desktop Notifications Specification).
EXPIRED, DISMISSED, CLOSED_BY_CALL = 1, 2, 3
_SERVICE_UNKNOWN = "org.freedesktop.DBus.Error.ServiceUnknown"
_NO_OWNER = "org.freedesktop.DBus.Error.NameHasNoOwner"


class NoBus(Exception):
    """No session bus, or no notification server on it; the message says which."""


@dataclass(frozen=True)
class Note:
    """What a notification says: plain text, escaped for the server when it reads markup."""

    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]  # (key, label)


@dataclass(frozen=True)
class Answer:
    """How a notification ended: an action chosen, closed (with the reason), or no answer."""

    kind: Literal["action", "closed", "timeout"]
    key: str = ""
    reason: int = 0


class Notifier(Protocol):
    def notify(self, note: Note) -> int: ...

    def answer(self, note_id: int, timeout: float) -> Answer: ...

    def close(self, note_id: int) -> None: ...


def session_bus_address(env: dict[str, str] | None = None) -> str:
    """The session bus: `DBUS_SESSION_BUS_ADDRESS`, else the socket `$XDG_RUNTIME_DIR/bus`."""
    env = dict(os.environ) if env is None else env
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    raise NoBus(
        "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set and there is no"
        " $XDG_RUNTIME_DIR/bus): desktop notifications need a desktop session"
    )


def markup_escaped(text: str) -> str:
    """`text` shown literally by a server that reads the body's HTML-like markup."""
    return html.escape(text, quote=False)


class DBusNotifier:
    """The desktop's notification server, reached over the session bus."""

    def __init__(self, address: str | None = None, timeout: float = 10.0) -> None:
        from jeepney import DBusAddress, MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        address = address or session_bus_address()
        try:
            self._conn = open_dbus_connection(bus=address)
        except (OSError, RuntimeError, ValueError) as exc:
            raise NoBus(f"cannot connect to the session bus at {address}: {exc}") from None
        self._timeout = timeout
        self._server = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)
        rule = MatchRule(type="signal", interface=BUS_NAME, path=OBJECT_PATH)
        self._signals: deque[Any] = deque()
        self._filter = self._conn.filter(rule, queue=self._signals)
        self._send(message_bus.AddMatch(rule), "AddMatch")
        self.capabilities = frozenset(self._call("GetCapabilities", "", ())[0])

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        from jeepney import new_method_call

        message = new_method_call(self._server, method, signature or None, body)
        return self._send(message, method)

    def _send(self, message: Any, method: str) -> tuple[Any, ...]:
        """Send a method call and unwrap its reply; NoBus, in words, for every failure."""
        from jeepney import DBusErrorResponse
        from jeepney.wrappers import unwrap_msg

        try:
            result: tuple[Any, ...] = unwrap_msg(
                self._conn.send_and_get_reply(message, timeout=self._timeout)
            )
        except DBusErrorResponse as exc:
            if exc.name in (_SERVICE_UNKNOWN, _NO_OWNER):
                raise NoBus(f"no notification server on the session bus ({exc.name})") from None
            raise NoBus(f"the notification server refused {method}: {exc.name}") from None
        except (OSError, TimeoutError) as exc:
            raise NoBus(f"the session bus did not answer {method}: {exc}") from None
        return result

    def notify(self, note: Note) -> int:
        body = markup_escaped(note.body) if "body-markup" in self.capabilities else note.body
        actions = [word for pair in note.actions for word in pair]
        hints = {"desktop-entry": ("s", DESKTOP_ENTRY), "urgency": ("y", 1)}
        values = (APP_NAME, 0, "", note.summary, body, actions, hints, -1)
        (note_id,) = self._call("Notify", "susssasa{sv}i", values)
        return int(note_id)

    def answer(self, note_id: int, timeout: float) -> Answer:
        """Wait up to `timeout` seconds for the person to act on `note_id` or close it."""
        import time

        from jeepney import HeaderFields

        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return Answer("timeout")
            try:
                signal = self._conn.recv_until_filtered(self._signals, timeout=left)
            except TimeoutError:
                return Answer("timeout")
            except OSError as exc:
                raise NoBus(f"the session bus went away while waiting: {exc}") from None
            member = signal.header.fields.get(HeaderFields.member)
            if not signal.body or signal.body[0] != note_id:
                continue  # another program's notification
            if member == "ActionInvoked":
                return Answer("action", key=str(signal.body[1]))
            if member == "NotificationClosed":
                return Answer("closed", reason=int(signal.body[1]))

    def close(self, note_id: int) -> None:
        with contextlib.suppress(NoBus):  # already gone: nothing to close
            self._call("CloseNotification", "u", (note_id,))

    def disconnect(self) -> None:
        self._filter.close()
        self._conn.close()


@dataclass
class RecordingNotifier:
    """A notifier for tests: records each note and gives the scripted answers in turn."""

    answers: list[Answer] = field(default_factory=list)
    sent: list[Note] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)

    def notify(self, note: Note) -> int:
        self.sent.append(note)
        return len(self.sent)

    def answer(self, note_id: int, timeout: float) -> Answer:
        self.waits.append(timeout)
        return self.answers.pop(0) if self.answers else Answer("timeout")

    def close(self, note_id: int) -> None:
        self.closed.append(note_id)
