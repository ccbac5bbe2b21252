"""The command palette: any routine by part of its name, the cramp diary, and the screens."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from coach.cramps.values import RELIEF_ROUTINE
from coach.routine.catalog import Catalog, RoutineEntry, UnknownRoutine
from coach.routine.model import Routine
from coach.routine.timeline import expand
from coach.tui.messages import (
    CrampLogChosen,
    HistoryChosen,
    PreviewChosen,
    RoutineChosen,
    StatsChosen,
)

Choice = tuple[str, str, Callable[[], object]]


def _catalog(provider: Provider) -> Catalog:
    catalog = getattr(provider.app, "catalog", None)
    return catalog if isinstance(catalog, Catalog) else Catalog.default()


class RoutineCommands(Provider):
    """`Start <routine>` and `Preview <routine>` for every routine that loads."""

    async def startup(self) -> None:
        catalog = _catalog(self)
        # Loading reads every routine file: once per palette opening, off the UI loop.
        entries = await asyncio.to_thread(catalog.entries)
        self._choices = [c for entry in entries for c in self._choices_for(entry)]

    def _choices_for(self, entry: RoutineEntry) -> list[Choice]:
        routine = entry.routine
        if routine is None:
            return []
        about = f"{expand(routine).length} · {entry.source}"
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


class ChoiceCommands(Provider):
    """A short fixed list of commands, every one offered before anything is typed."""

    _choices: list[Choice]

    async def discover(self) -> Hits:
        for name, about, run in self._choices:
            yield DiscoveryHit(name, run, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about, run in self._choices:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=about)


def _relief(catalog: Catalog) -> Routine | None:
    try:
        return catalog.find(RELIEF_ROUTINE).routine
    except UnknownRoutine:
        return None


class CrampCommands(ChoiceCommands):
    """`Log a cramp` and `Cramp relief now`, from any screen."""

    async def startup(self) -> None:
        post = self.app.post_message
        log = partial(post, CrampLogChosen())
        self._choices = [("Log a cramp", "the cramp diary's form (c)", log)]
        # Reading the routine file stays off the UI loop, as for every routine above.
        relief = await asyncio.to_thread(_relief, _catalog(self))
        if relief is not None:
            about = "step-by-step relief, no preview (! on the home screen)"
            self._choices.append(("Cramp relief now", about, partial(post, RoutineChosen(relief))))


class ScreenCommands(ChoiceCommands):
    """The home screen's other screens by name."""

    async def startup(self) -> None:
        post = self.app.post_message
        self._choices = [
            ("History", "every session, newest first (h)", partial(post, HistoryChosen())),
            ("Stats", "streaks, minutes, exercises and cramps (s)", partial(post, StatsChosen())),
        ]
