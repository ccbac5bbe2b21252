"""Finding routines: the user's folder first, then the bundled ones, each loaded or with its error.

The exercise library is the bundled `exercises.yaml` with the user's own laid over it. The YAML
reader loads with the first file read (in the home screen's worker), not with the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from coach import locations
from coach.routine.files import LIBRARY_FILE, SUFFIXES, routine_files, routine_ids

if TYPE_CHECKING:
    # The model and the problems' types load with the first routine read, not with the
    # catalog: home's first frame holds a catalog and reads nothing until after it.
    from coach.problems import Problem
    from coach.routine.model import Exercise, Routine, Step

Source = Literal["user", "bundled", "file"]


@dataclass(frozen=True)
class RoutineEntry:
    """A routine file as the catalog found it: loaded, or with the first problem that stops it."""

    id: str
    path: Path
    source: Source
    routine: Routine | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def error(self) -> Problem | None:
        return self.problems[0] if self.problems else None

    @property
    def origin(self) -> str:
        """How a copy's first comment names the routine it came from."""
        if self.source == "bundled":
            return f"coach's bundled routine {self.id}"
        if self.source == "user":
            return f"your routine {self.id} ({self.path})"
        return str(self.path)

    def to_json(self) -> dict[str, Any]:
        """The entry as `coach list --json` prints it (a contract)."""
        from coach.routine.timeline import expand

        routine = self.routine
        total = expand(routine).total_s if routine else None
        return {
            "id": self.id,
            "name": routine.name if routine else None,
            "total_s": total,
            "exercises": count_exercises(routine) if routine else None,
            "source": self.source,
            "path": str(self.path),
            "error": str(self.error) if self.error else None,
        }


def count_exercises(routine: Routine) -> int:
    """Exercise steps in the routine as written, counting a block's steps once."""
    from coach.routine.model import ExerciseStep, RepeatBlock

    def count(steps: tuple[Step, ...]) -> int:
        total = 0
        for step in steps:
            if isinstance(step, ExerciseStep):
                total += 1
            elif isinstance(step, RepeatBlock):
                total += count(step.steps)
        return total

    return count(routine.steps)


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; a name no file system could hold (or a place that cannot be
    looked at) is no file, where `Path.is_file` would raise."""
    try:
        return path.is_file()
    except OSError:
        return False


def _unreadable(path: Path) -> str:
    """Why the routine file at `path` cannot be read, as `coach validate` says it."""
    from coach.problems import FileProblems
    from coach.routine.loader import ROUTINE_FILE
    from coach.yamlfile import read_text

    try:
        read_text(path, ROUTINE_FILE)
    except FileProblems as exc:
        return str(exc.first)
    return f"no routine file at {path}"


class UnknownRoutine(LookupError):
    """No routine answers to that id or path; the message says what exists."""


@dataclass
class Catalog:
    """Everything a command or screen needs to find and load routines."""

    user_dir: Path
    bundled_dir: Path
    sound_dirs: tuple[Path, ...] = ()
    library_problems: list[Problem] = field(default_factory=list)
    _exercises: dict[str, Exercise] | None = None

    @classmethod
    def default(cls) -> Catalog:
        return cls(
            user_dir=locations.user_routines_dir(),
            bundled_dir=locations.bundled_dir("routines"),
            sound_dirs=(locations.config_dir() / "sounds", locations.bundled_dir("sounds")),
        )

    @property
    def exercises(self) -> Mapping[str, Exercise]:
        """Bundled library with the user's overrides; a broken user file is noted, not fatal."""
        if self._exercises is None:
            from coach.problems import FileProblems
            from coach.routine.loader import load_exercises

            library = load_exercises(self.bundled_dir / LIBRARY_FILE)
            user_file = self.user_dir / LIBRARY_FILE
            if user_file.is_file():
                try:
                    library = load_exercises(user_file, library)
                except FileProblems as exc:
                    self.library_problems.extend(exc.problems)
            self._exercises = library
        return self._exercises

    def forget_library(self) -> None:
        """Read the exercise library again the next time it is needed (its file changed)."""
        self._exercises = None
        self.library_problems.clear()

    def sound_names(self) -> set[str]:
        return {p.stem for d in self.sound_dirs if d.is_dir() for p in d.glob("*.wav")}

    def _folders(self) -> tuple[tuple[Path, Source], ...]:
        return ((self.user_dir, "user"), (self.bundled_dir, "bundled"))

    def _files(self, folder: Path) -> list[Path]:
        return routine_files(folder)

    def load(
        self, path: Path, source: Source = "file", sound_names: set[str] | None = None
    ) -> RoutineEntry:
        """One routine file; `sound_names` saves listing the sound folders again per file."""
        from coach.problems import FileProblems
        from coach.routine.loader import load_routine

        names = sound_names if sound_names is not None else self.sound_names()
        try:
            routine = load_routine(path, self.exercises, names)
        except FileProblems as exc:
            return RoutineEntry(path.stem, path, source, problems=tuple(exc.problems))
        return RoutineEntry(path.stem, path, source, routine=routine)

    def entries(self) -> list[RoutineEntry]:
        """Every routine, user ones first; a user file hides a bundled one with the same id."""
        found: dict[str, RoutineEntry] = {}
        sound_names = self.sound_names()
        for folder, source in self._folders():
            for path in self._files(folder):
                if path.stem not in found:
                    found[path.stem] = self.load(path, source, sound_names)
        return list(found.values())

    def ids(self) -> list[str]:
        """Every routine id, user ones first, without loading a file."""
        return routine_ids(folder for folder, _ in self._folders())

    def find(self, ref: str) -> RoutineEntry:
        """A routine by id (user folder first) or by path to a YAML file.

        Whatever `ref` holds (a name too long for any file system, say) the answer is a
        routine or UnknownRoutine, never an OSError.
        """
        from coach.problems import shown, suggest

        path = Path(ref).expanduser()
        if path.suffix in SUFFIXES or "/" in ref:
            if not _is_file(path):
                raise UnknownRoutine(_unreadable(path))
            return self.load(path)
        for folder, source in self._folders():
            for suffix in SUFFIXES:
                candidate = folder / f"{ref}{suffix}"
                if _is_file(candidate) and candidate.name != LIBRARY_FILE:
                    return self.load(candidate, source)
        hint = suggest(ref, self.ids())
        raise UnknownRoutine(f"no routine called {shown(ref)}{hint}; `coach list` shows them all")

    def user_file(self, routine_id: str) -> Path | None:
        """The user's file that already answers to `routine_id`, if any."""
        for suffix in SUFFIXES:
            path = self.user_dir / f"{routine_id}{suffix}"
            if path.exists():
                return path
        return None

    def hides_bundled(self, routine_id: str) -> bool:
        """Whether a user's routine `routine_id` takes the place of a bundled one."""
        return any((self.bundled_dir / f"{routine_id}{s}").is_file() for s in SUFFIXES)

    def add_user_file(self, routine_id: str, text: str) -> Path:
        """Write `text` as the new `<routine_id>.yaml` in the user's folder (made if missing),
        next to a current JSON Schema for editors.

        Never replaces a file: raises FileExistsError (nothing written) when the name is
        taken, OSError when the folder cannot be written.
        """
        import errno
        import os

        from coach.files import write_new
        from coach.routine.template import refresh_schema

        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            # A file where the folder should be: not "the name is taken" (FileExistsError).
            reason = os.strerror(errno.ENOTDIR)
            raise NotADirectoryError(errno.ENOTDIR, reason, str(self.user_dir)) from None
        path = self.user_dir / f"{routine_id}.yaml"
        write_new(path, text)
        refresh_schema(self.user_dir)
        return path

    def write_problem(self, exc: OSError) -> str:
        """Why `add_user_file` or `copy_to_user` failed with `exc`, in one line: the command
        line and the app's Duplicate say it alike (a config folder that is a file, a full
        disk, a read-only folder)."""
        return f"cannot write in your routine folder {self.user_dir}: {exc.strerror or exc}"

    def copy_to_user(self, entry: RoutineEntry, new_id: str | None = None) -> Path:
        """Copy `entry`'s file into the user's folder as `<new_id>.yaml` (default: its own id),
        its first comment saying where it came from; `add_user_file`'s errors, and
        FileProblems when the source cannot be read.

        A copy under another id is named `<name> (my copy)`, so the two never look the same in
        a list; one under the same id takes the source's place and keeps its name.
        """
        from coach.routine.loader import ROUTINE_FILE
        from coach.routine.template import copied_text, renamed_copy
        from coach.yamlfile import read_text

        copy = copied_text(read_text(entry.path, ROUTINE_FILE), entry.origin)
        if new_id not in (None, entry.id) and entry.routine is not None:
            copy = renamed_copy(copy, entry.routine.name)
        return self.add_user_file(new_id or entry.id, copy)
