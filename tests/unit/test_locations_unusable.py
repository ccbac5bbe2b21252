"""`locations.unusable`: telling a data folder not made yet from one that cannot be, without
leaving anything behind (#4 of the new-user walk: /proc/nope read as an empty history)."""

from __future__ import annotations

from pathlib import Path

from coach.locations import unusable


def test_an_existing_folder_is_usable(tmp_path: Path) -> None:
    assert unusable(tmp_path) is None


def test_a_missing_folder_that_could_be_made_is_usable_and_is_not_made(tmp_path: Path) -> None:
    parent = tmp_path / "parent"
    parent.mkdir()
    assert unusable(parent / "a" / "b" / "coach") is None
    assert list(parent.iterdir()) == []  # neither the folder nor the probe is left


def test_a_path_through_a_file_is_not(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("")
    for folder in (blocker, blocker / "coach"):
        problem = unusable(folder)
        assert isinstance(problem, NotADirectoryError), folder


def test_a_folder_that_cannot_be_made_is_not() -> None:
    """/proc takes no new folders, even from root, for whom permission checks say yes."""
    problem = unusable(Path("/proc/nope/coach"))
    assert problem is not None
    assert problem.filename == "/proc/nope/coach"
