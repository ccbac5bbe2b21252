"""Daily tips: the bundled file, the person's own, a broken own file, and the daily rotation."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coach.cramps.tips import (
    BUNDLED_TIPS,
    Tip,
    load_tips,
    read_tips,
    tip_for,
    tip_of_the_day,
    user_tips_path,
)


def test_the_bundled_tips_load_cleanly_each_with_a_source() -> None:
    tips, problems = read_tips(BUNDLED_TIPS)
    assert problems == []
    assert 8 <= len(tips) <= 14
    assert all(t.source for t in tips)
    assert all("\n" not in t.text and "  " not in t.text for t in tips)
    assert len({t.text for t in tips}) == len(tips)


@pytest.mark.parametrize(
    "words",
    [
        "before exercise",
        "gradual|build any new exercise up",
        "drink enough",
        "alcohol",
        "bananas",
        "spinach",
        "broccoli",
        "milk",
        "yogurt",
        "before taking supplements",
        "room to wiggle your toes",
        "high heels",
        "diuretics",
        "keep taking it",
        "barefoot",
        "hot sand",
        "plantar fasciitis",
        "ankles that give way",
        "diabetes",
        "numb feet",
        "every day",
        "before bed",
    ],
)
def test_the_bundled_tips_cover_the_agreed_topics(words: str) -> None:
    text = " ".join(t.text for t in read_tips(BUNDLED_TIPS)[0]).lower()
    assert any(w in text for w in words.split("|")), words


def test_the_bundled_tips_promise_no_cure() -> None:
    for tip in read_tips(BUNDLED_TIPS)[0]:
        lowered = tip.text.lower()
        assert "will stop" not in lowered and "cures" not in lowered and "guarantee" not in lowered


def test_without_a_user_file_only_the_bundled_tips() -> None:
    book = load_tips()
    assert book.tips == tuple(read_tips(BUNDLED_TIPS)[0]) and book.problems == ()


def test_user_tips_come_after_the_bundled_ones_in_either_form(isolated_folders: Path) -> None:
    path = user_tips_path()
    assert path == isolated_folders / "config" / "tips.yaml"
    path.write_text(
        "- Wear warm socks to bed.\n"
        "- text: |\n"
        "    Keep the bedclothes\n"
        "    loose over your feet.\n"
        "  source: my physio\n"
        "- {text: Walk a little after long drives}\n"
    )
    book = load_tips()
    bundled = len(read_tips(BUNDLED_TIPS)[0])
    assert book.problems == ()
    assert book.tips[bundled:] == (
        Tip("Wear warm socks to bed."),
        Tip("Keep the bedclothes loose over your feet.", "my physio"),
        Tip("Walk a little after long drives"),
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("- one\n- [two\n", "2:3: YAML syntax: this '[' list is never closed"),
        ("text: not a list\n", "1:1: a tips file must be a list (lines starting with `- `)"),
        ("- good\n- {txt: typo}\n", '2:4: unknown key `txt` in a tip (did you mean "text"?)'),
        ("- good\n- {source: a book}\n", "2:3: a tip needs `text`"),
        ("- good\n- [nested, list]\n", "2:3: a tip must be a single value, not a list"),
        ("- good\n- \n", "2:2: a tip must not be empty"),
        ("- good\n- {text: ok, source: ''}\n", "2:22: `source` must not be empty"),
        (
            "- good\n- !!python/object:os.system x\n",
            "2:3: YAML tag !!python/object:os.system is not allowed in a tips file",
        ),
    ],
)
def test_a_broken_user_file_reports_where_and_keeps_the_bundled_tips(
    content: str, problem: str
) -> None:
    path = user_tips_path()
    path.write_text(content)
    book = load_tips()
    assert book.problems, "expected a problem"
    assert str(book.problems[0]).startswith(f"{path}:{problem}")
    bundled = read_tips(BUNDLED_TIPS)[0]
    assert book.tips[: len(bundled)] == tuple(bundled)
    # The good entries of a partly broken file are kept; nothing bad is.
    assert [t.text for t in book.tips[len(bundled) :]] in ([], ["good"])


def test_an_empty_user_file_adds_nothing_and_no_problem() -> None:
    user_tips_path().write_text("# nothing yet\n")
    book = load_tips()
    assert book.problems == () and len(book.tips) == len(read_tips(BUNDLED_TIPS)[0])


TIPS = [Tip(f"tip {n}") for n in range(5)]


def test_each_tip_comes_once_before_any_repeats() -> None:
    start = date(2024, 5, 14)
    shown = [tip_of_the_day(TIPS, start + timedelta(days=n)) for n in range(len(TIPS))]
    assert sorted(shown) == sorted(t.text for t in TIPS)
    following = [tip_of_the_day(TIPS, start + timedelta(days=n + 5)) for n in range(5)]
    assert following == shown


def test_the_same_day_gets_the_same_tip_and_the_next_day_another() -> None:
    day = date(2024, 5, 14)
    assert tip_for(TIPS, day) == tip_for(list(TIPS), day)
    assert tip_for(TIPS, day) != tip_for(TIPS, day + timedelta(days=1))


def test_no_tips_is_an_error() -> None:
    with pytest.raises(ValueError, match="no tips"):
        tip_of_the_day([], date(2024, 5, 14))


def test_a_broken_bundled_file_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "tips.yaml"
    broken.write_text("- [\n")
    monkeypatch.setattr("coach.cramps.tips.BUNDLED_TIPS", broken)
    from coach.problems import FileProblems

    with pytest.raises(FileProblems):
        load_tips()
