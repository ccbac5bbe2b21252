"""The Stats screen's check-ins: feeling and pain week by week, and the calm word on pain.

It reads its own figures in a thread worker when mounted, so the Stats screen only places it.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical

from coach.tui.checkin_view import TRENDS_TITLE, CheckInTrends, read_checkin_trends, trends_lines
from coach.tui.delivery import deliver
from coach.tui.history_access import HistoryAccess, Read, read
from coach.tui.widgets.text_line import TextLine


class CheckInTrendsView(Vertical):
    DEFAULT_CSS = """
    CheckInTrendsView {
        height: auto;
    }
    CheckInTrendsView > #checkin-title {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    CheckInTrendsView > #checkin-weeks {
        color: $text;
    }
    CheckInTrendsView > #pain-advice {
        margin-top: 1;
        max-width: 80;
        color: $warning;
    }
    CheckInTrendsView > .-empty {
        display: none;
    }
    """

    def __init__(self, history: HistoryAccess, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = history

    def compose(self) -> ComposeResult:
        yield TextLine(id="checkin-title")
        yield TextLine(id="checkin-weeks")
        yield TextLine(id="pain-advice")

    def on_mount(self) -> None:
        self.refresh_trends()

    @work(thread=True, exclusive=True, group="checkin-trends")
    def refresh_trends(self) -> None:
        access = self.history
        result = read(access, lambda store: read_checkin_trends(store, access.today()))
        deliver(self, self._show, result)

    def _show(self, result: Read[CheckInTrends]) -> None:
        # Unreadable, the history's problem is already the note at the top: said once.
        lines, advice = trends_lines(result.value)
        self.query_one("#checkin-title", TextLine).text = TRENDS_TITLE if lines else ""
        self.query_one("#checkin-weeks", TextLine).text = "\n".join(lines)
        self.query_one("#pain-advice", TextLine).text = advice
