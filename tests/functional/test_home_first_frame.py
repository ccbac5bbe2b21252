"""What home's first frame holds, which is what its time goes on (issue #10, first frame)."""

from __future__ import annotations

from pathlib import Path

from functional.sample_routines import make_test_app
from textual.widgets import Footer, Header

from coach.tui.widgets.ready_footer import KeyLine
from coach.tui.widgets.start_button import StartButton
from coach.tui.widgets.title_bar import TitleBar


async def test_the_first_frame_styles_no_other_widgets_than_its_own(tmp_path: Path) -> None:
    """As the app starts (the workers that fill home in wait for its first frame), home
    holds its start button without Textual's button stylesheet (7 KB, every variant: about
    3 ms to parse and match), its header in one widget rather than four, and its footer's
    keys in one widget rather than one each. Textual's header and keys follow that frame."""
    app = make_test_app(tmp_path)
    async with app.run_test() as pilot:
        stylesheets = {name for _, name in app.stylesheet.source}
        assert "Button.DEFAULT_CSS" not in stylesheets
        assert "StartButton.DEFAULT_CSS" in stylesheets
        assert app.screen.query(StartButton)
        assert app.screen.query(TitleBar)
        assert not app.screen.query(Header)
        assert [type(w) for w in app.screen.query_one(Footer).children] == [KeyLine]
        await pilot.pause()
        assert app.screen.query(Header)
        assert not app.screen.query(TitleBar)
        assert not app.screen.query(KeyLine)
