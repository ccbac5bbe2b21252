"""The command palette's routines: type part of a name to start or preview any routine."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from coach import text
from coach.routine.catalog import Catalog, RoutineEntry
from coach.routine.timeline import expand
from coach.tui.messages import PreviewChosen, RoutineChosen

Choice = tuple[str, str, Callable[[], object]]


class RoutineCommands(Provider):
    """`Start <routine>` and `Preview <routine>` for every routine that loads."""

    async def startup(self) -> None:
        catalog = getattr(self.app, "catalog", None)
        if not isinstance(catalog, Catalog):
            catalog = Catalog.default()
        # Loading reads every routine file: once per palette opening, off the UI loop.
        entries = await asyncio.to_thread(catalog.entries)
        self._choices = [c for entry in entries for c in self._choices_for(entry)]

    def _choices_for(self, entry: RoutineEntry) -> list[Choice]:
        routine = entry.routine
        if routine is None:
            return []
        about = f"{text.length(expand(routine).total_s)} · {entry.source}"
        post = self.app.post_message
        return [
            (f"Start {routine.name}", about, partial(post, RoutineChosen(routine))),
            (f"Preview {routine.name}", about, partial(post, PreviewChosen(entry))),
        ]

    async def discover(self) -> Hits:
        for name, about, run in self._choices:
            if name.startswith("Start "):
                yield DiscoveryHit(name, run, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about, run in self._choices:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=about)
