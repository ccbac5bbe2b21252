"""Routine files changed on disk while the app runs, noticed by polling: no new dependency.

Once a second the watcher looks at the size and modification time of every YAML file in the
user's and the bundled routine folders (the exercise library among them). That is a few dozen
`stat` calls, cheap enough for the UI loop. When anything changed, every screen is told with a
`RoutinesChanged` message and reloads what it shows; a session screen ignores it and keeps
the routine it started with. While one plays, nothing looks at all (a session's every wake-up
counts); what changed meanwhile is told as the session leaves.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

from coach.routine.catalog import Catalog
from coach.routine.files import LIBRARY_FILE, SUFFIXES
from coach.tui.messages import RoutinesChanged

#: How often the folders are looked at, in seconds.
POLL_SECONDS = 1.0

Stamp = tuple[int, int]  # modification time in nanoseconds, size in bytes

#: The class attribute by which a screen says the watcher may rest while it is in the stack.
HOLDS_WATCH = "HOLDS_ROUTINE_WATCH"


def stamps(folders: tuple[Path, ...]) -> dict[Path, Stamp]:
    """The routine files in `folders` with their stamps; a missing folder has none."""
    found: dict[Path, Stamp] = {}
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(SUFFIXES):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue  # removed since the folder was listed: it counts as gone
            found[Path(entry.path)] = (info.st_mtime_ns, info.st_size)
    return found


class RoutineWatcher:
    """Tells the app's screens when routine files are added, changed or removed."""

    def __init__(self, app: App[Any], catalog: Catalog) -> None:
        self.app = app
        self.catalog = catalog
        self._seen = stamps(self._folders())
        self._timer: Timer | None = None
        self.held = False

    def _folders(self) -> tuple[Path, ...]:
        return (self.catalog.user_dir, self.catalog.bundled_dir)

    def start(self) -> None:
        self._timer = self.app.set_interval(POLL_SECONDS, self.check, name="routine-watcher")
        self.app.screen_change_signal.subscribe(self.app, self.screens_changed)
        self.screens_changed()

    @property
    def polling(self) -> bool:
        return self._timer is not None and not self.held

    def screens_changed(self, _current: Screen[Any] | None = None) -> None:
        """Rest while a screen that holds the watch is in the stack (a session: it keeps the
        routine it started with, and what lies under it cannot be seen); look at once when it
        leaves, so the screens catch up with what changed meanwhile."""
        held = any(getattr(screen, HOLDS_WATCH, False) for screen in self.app.screen_stack)
        if held == self.held or self._timer is None:
            return
        self.held = held
        if held:
            self._timer.pause()
        else:
            self._timer.resume()
            self.check()

    def changes(self) -> frozenset[Path]:
        """Files added, changed or removed since the last look."""
        now = stamps(self._folders())
        changed = frozenset(
            p for p in now.keys() | self._seen.keys() if now.get(p) != self._seen.get(p)
        )
        self._seen = now
        return changed

    def check(self) -> frozenset[Path]:
        """Look once, and tell every screen what changed; returns the changed files."""
        changed = self.changes()
        if not changed:
            return changed
        if any(path.name == LIBRARY_FILE for path in changed):
            self.catalog.forget_library()
        for screen in self.app.screen_stack:
            screen.post_message(RoutinesChanged(changed))
        return changed
