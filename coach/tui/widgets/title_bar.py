"""Home's header in its first frame: Textual's `Header(icon="")` drawn by one widget."""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize
from textual.widget import Widget

#: The cells Textual's header keeps for its icon (left) and its clock (right).
ICON_CELLS, CLOCK_CELLS = 8, 10


class TitleBar(Widget):
    """Textual's header as it first looks, cell for cell: the title and subtitle centred
    between the icon's cells and the clock's. Textual's header is four widgets (the icon, the
    title, the clock's space and itself), about 4 ms of the first frame; once that frame is
    on the screen, it takes this bar's place, with its ways (a click on the icon opens the
    command palette, elsewhere makes it taller; the title fades while the terminal has not
    the focus)."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    def on_mount(self) -> None:
        self.call_after_refresh(self._make_way)

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render_line(self, y: int) -> Strip:
        # As the header's three widgets draw it: the icon's (padded) blank, the title centred
        # in the base style, the clock's space blank, each blank as Textual pads it.
        width = self.size.width
        style = self.visual_style
        base = (style + Style(reverse=False)).rich_style
        inner = RichStyle.from_color(bgcolor=self.background_colors[1].rich_color)
        title_cells = max(0, width - ICON_CELLS - CLOCK_CELLS)
        title = Visual.to_strips(self, visualize(self, self.render()), title_cells, 1, style)
        parts = [
            Strip.blank(1, inner),
            Strip.blank(ICON_CELLS - 2, base),
            Strip.blank(1, inner),
            title[0] if title else Strip.blank(title_cells, base),
            Strip.blank(CLOCK_CELLS, inner),
        ]
        return Strip.join(parts).crop(0, width)

    async def _make_way(self) -> None:
        """Textual's header in this bar's place (it looks the same)."""
        from textual.widgets import Header

        parent = self.parent
        if isinstance(parent, Widget) and self.is_attached:
            with self.app.batch_update():
                await parent.mount(Header(icon=""), before=self)
                await self.remove()
