"""What home says of the highlighted routine, in the room it has."""

from __future__ import annotations

from coach.tui.shelf import detail_words

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
