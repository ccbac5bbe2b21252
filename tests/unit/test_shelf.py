"""What home lists (every routine and today's planned ones), and what it says of the highlighted
routine in the room it has."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from coach import locations
from coach.routine.catalog import Catalog, RoutineEntry
from coach.tui.shelf import detail_words, read_shelf

CAREFUL = (
    "Calf stretches to do just before bed. A 2012 trial found fewer and milder night cramps,"
    " though it may not stop them completely."
)


def test_a_description_that_fits_is_shown_whole() -> None:
    assert detail_words(CAREFUL, 200) == CAREFUL
    assert detail_words(CAREFUL, 60, lines=3) == CAREFUL  # 3 lines of 60 hold it


def test_one_too_long_gives_its_first_sentence_and_where_the_rest_is() -> None:
    """Found at 80x24: the last line shown ended "...night cramps," without its caveat."""
    assert detail_words(CAREFUL, 40, lines=2) == (
        "Calf stretches to do just before bed. Enter shows the rest."
    )


def test_one_sentence_is_left_as_it_is() -> None:
    one = "Step-by-step help for a cramp happening right now: stretch it, rub it, walk."
    assert detail_words(one, 20, lines=1) == one


def test_no_width_yet_means_the_whole_text() -> None:
    assert detail_words(CAREFUL, 0) == CAREFUL


def test_every_routine_file_is_read_once_and_todays_are_found_among_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of issue #10: today's planned routines were read twice, once with all of them
    and again each on its own."""
    bundled = locations.bundled_dir("routines")
    shutil.copy(bundled / "foot-quick.yaml", tmp_path / "foot-quick.yaml")  # hides the bundled
    catalog = Catalog(user_dir=tmp_path, bundled_dir=bundled)
    read: list[Path] = []
    load = catalog.load

    def counting(path: Path, *args: Any, **kwargs: Any) -> RoutineEntry:
        read.append(path)
        return load(path, *args, **kwargs)

    monkeypatch.setattr(catalog, "load", counting)
    shelf = read_shelf(catalog, ["foot-quick", "no-such-routine", "bedtime-calves", "foot-quick"])
    assert len(read) == len(set(read)) == len(catalog.ids())
    assert list(shelf.planned) == ["foot-quick", "bedtime-calves"]
    assert shelf.planned["foot-quick"].path == tmp_path / "foot-quick.yaml"
    assert all(entry in shelf.entries for entry in shelf.planned.values())
    assert shelf.today is shelf.planned["foot-quick"] and shelf.today_error == ""
