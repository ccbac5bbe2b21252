"""`coach doctor`: what works on this machine, what does not, and what to do about it.

It checks the parts a session leans on (sound device, cue files, voice, settings, routine files,
history) and plays each cue once, so a person hears what they will hear in a session.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach import text

if TYPE_CHECKING:
    from coach.settings import Settings

INSTALL_ESPEAK = (
    "install espeak-ng for spoken cues: `sudo apt install espeak-ng` (Debian/Ubuntu), "
    "`sudo dnf install espeak-ng` (Fedora), `sudo pacman -S espeak-ng` (Arch)"
)
NO_DEVICE = (
    "coach plays sound through ALSA's default device: check that a sound card is present "
    "(`aplay -l`), or point ALSA at one in ~/.asoundrc; sessions still run, with a visual flash "
    "and the terminal bell as cues"
)

DATA_FOLDER_FIX = (
    "point COACH_DATA_DIR (or XDG_DATA_HOME) at a folder you can write; until then nothing is"
    " recorded"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", help="check sound, voice, settings, routines and history")
    p.add_argument("--no-play", action="store_true", help="check without playing the cues")
    p.add_argument(
        "--gap",
        type=gap_seconds,
        default=0.6,
        metavar="SECONDS",
        help="pause between cues, 0 to 10 (0.6)",
    )
    p.set_defaults(handler=cmd_doctor)


#: The longest pause between cues `--gap` takes: enough to tell cues apart, never a hang.
MAX_GAP_S = 10.0


def gap_seconds(text: str) -> float:
    """An argparse type: seconds from 0 to MAX_GAP_S (`inf` would raise from time.sleep)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= MAX_GAP_S:  # also false for nan
        raise argparse.ArgumentTypeError(f"expected seconds from 0 to {MAX_GAP_S:g}, got {text!r}")
    return value


class Report:
    """Lines of the report, and whether anything needs fixing."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write
        self.problems = 0

    def section(self, title: str) -> None:
        self.write(f"\n{title}")

    def ok(self, what: str) -> None:
        self.write(f"  ok    {what}")

    def info(self, what: str) -> None:
        self.write(f"  ·     {what}")

    def bad(self, what: str, fix: str | None = None) -> None:
        self.problems += 1
        self.write(f"  FIX   {what}")
        if fix:
            self.write(f"        → {fix}")


def cmd_doctor(args: argparse.Namespace) -> int:
    report = Report(print)
    print("coach doctor")
    settings = check_settings(report)
    check_sound(report, play=not args.no_play, volume=settings.volume, gap=args.gap)
    check_voice(report, wanted=settings.voice)
    check_routines(report, settings)
    check_history(report)
    check_reminders(report)
    print()
    if report.problems:
        print(f"{text.plural(report.problems, 'thing')} to fix (see → above).")
        return 1
    print("Everything coach needs works.")
    return 0


def check_settings(report: Report) -> Settings:
    from coach.settings import load_settings, settings_path

    report.section("Settings")
    path = settings_path()
    settings = load_settings(path)
    if not path.is_file():
        report.info(f"no settings file at {path}; using the defaults")
    elif settings.problems:
        for problem in settings.problems:
            report.bad(str(problem), "fix that line; its default is used meanwhile")
    else:
        report.ok(f"{path}")
    plan = "the schedule" if settings.schedule is not None else "daily routine"
    report.info(
        f"volume {settings.volume:.0%}, sound {'off' if settings.mute else 'on'}, "
        f"voice {'on' if settings.voice else 'off'}, "
        + (plan if settings.schedule is not None else f"{plan} {settings.daily_routine}")
    )
    if {"schedule", "daily_routine"} <= settings.given:
        report.info("both `schedule` and `daily_routine` are set: the schedule wins")
    from textual.theme import BUILTIN_THEMES

    unknown = settings.theme_problem(BUILTIN_THEMES)
    if unknown:
        report.bad(unknown, "one of " + ", ".join(sorted(BUILTIN_THEMES)))
    return settings


def check_sound(report: Report, play: bool, volume: float, gap: float) -> None:
    from coach.audio.cues import CuePlayer
    from coach.audio.sounds import SoundSet
    from coach.commands.session import audio_backend
    from coach.routine.model import SOUND_EVENTS, TEMPO_PHASES

    report.section("Sound")
    sounds = SoundSet()
    sounds.preload(volume)
    if sounds.problems:
        for problem in sounds.problems:
            report.bad(problem, "replace or remove that file; the cue stays silent meanwhile")
    else:
        report.ok("every cue sound loads")
    backend = audio_backend()
    report.info(f"backend: {backend.name}")
    if backend.name == "silent":
        gap = 0.0  # nothing to listen to: no reason to wait between cues
    player = CuePlayer(backend, sounds, volume)
    cues: list[tuple[str, str | None]] = [
        (e, d) for e in SOUND_EVENTS for d in (TEMPO_PHASES if e == "tempo" else (None,))
    ]
    drain = getattr(backend, "drain", None)
    heard = []
    for kind, detail in cues if play else cues[:1]:
        if callable(drain):
            drain(5.0)  # one cue at a time, and the first tells whether there is a device
        if not backend.available or not player.cue(kind, detail):
            break
        heard.append(kind if detail is None else f"{kind}-{detail}")
        time.sleep(gap if play else 0.0)
    if callable(drain):
        drain(5.0)
    device_problem = backend.problem
    if device_problem or not backend.available:
        reason = device_problem or "the device is not available"
        report.bad(f"no sound: {reason}", NO_DEVICE)
    elif play:
        report.ok(f"played {len(heard)} cues: {', '.join(heard)}")
    else:
        report.ok("the sound device opened")
    close = getattr(backend, "close", None)
    if callable(close):
        close()


def check_voice(report: Report, wanted: bool) -> None:
    import shutil

    from coach.audio.voice import Voice

    report.section("Voice")
    if not wanted:
        report.info("voice is off in the settings (voice: off)")
    path = shutil.which("espeak-ng")
    if path is None:
        report.bad("espeak-ng is not installed: cues are beeps only", INSTALL_ESPEAK)
        return
    voice = Voice(background=False)
    start = time.perf_counter()
    clip = voice.clip("coach voice check")
    took = time.perf_counter() - start
    if clip is None:
        report.bad(f"espeak-ng at {path} could not speak: {voice.problem}", INSTALL_ESPEAK)
    else:
        report.ok(f"espeak-ng at {path} speaks ({clip.duration:.1f} s of speech in {took:.2f} s)")


def check_routines(report: Report, settings: Settings) -> None:
    from coach.routine.catalog import Catalog

    report.section("Routines")
    catalog = Catalog.default()
    entries = catalog.entries()
    broken = [e for e in entries if e.problems]
    report.ok(f"{len(entries) - len(broken)} routines load ({catalog.user_dir})")
    for entry in broken:
        report.bad(str(entry.error), f"`coach edit {entry.id}` or `coach validate {entry.path}`")
    for problem in catalog.library_problems:
        report.bad(str(problem), "fix your exercises.yaml; the bundled library is used meanwhile")
    rest = "; the rest of the plan is used" if settings.schedule is not None else ""
    for problem in settings.checked_plan(catalog.ids)[1]:
        report.bad(str(problem), f"use an id from `coach list`{rest}")


def check_history(report: Report) -> None:
    from coach.history.database import HistoryUnavailable
    from coach.history.store import HistoryStore, history_path, not_made_yet

    report.section("History")
    path = history_path()
    try:
        if not_made_yet(path):
            report.info(f"no history yet; it will be kept in {path}")
            return
    except HistoryUnavailable as exc:
        report.bad(str(exc), DATA_FOLDER_FIX)
        return
    try:
        with HistoryStore.open(path, create=False) as store:
            count = store.count_sessions()
            for notice in store.notices:
                report.bad(notice)
    except HistoryUnavailable as exc:
        report.bad(str(exc), f"check the permissions and free space of {path.parent}")
        return
    report.ok(f"{path}: {text.plural(count, 'session')}")


def check_reminders(report: Report) -> None:
    """Installed reminders need a session bus with a notification server to show up."""
    from coach.remind.install import Places, installed
    from coach.remind.notify import DBusNotifier, NoBus

    report.section("Reminders")
    how = installed(Places.of())
    if how is None:
        report.info("off; `coach remind on` sets them up for the plan's times")
        return
    report.ok(f"on ({'systemd user timer' if how == 'systemd' else 'crontab'})")
    try:
        DBusNotifier().disconnect()
    except NoBus as exc:
        report.bad(f"reminders cannot be shown: {exc}", "they need a desktop session's D-Bus")
        return
    report.ok("a notification server answers on the session bus")
