"""Which files in a folder are routines: listed without reading them, so a command that only
needs the ids (the plan's check of its routines in `coach nudge`) skips the loader."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: The file of the exercise library; it sits among routines but is not one.
LIBRARY_FILE = "exercises.yaml"
SUFFIXES = (".yaml", ".yml")


def routine_files(folder: Path) -> list[Path]:
    """The routine files in `folder` by id: YAML files other than the exercise library,
    hidden files left out."""
    if not folder.is_dir():
        return []
    files = [
        p
        for p in folder.iterdir()
        if p.suffix in SUFFIXES and p.name != LIBRARY_FILE
        if not p.name.startswith(".") and p.is_file()
    ]
    return sorted(files, key=lambda p: p.stem)


def routine_ids(folders: Iterable[Path]) -> list[str]:
    """Every routine id in `folders`, each once, in the folders' order."""
    return list(dict.fromkeys(p.stem for folder in folders for p in routine_files(folder)))
