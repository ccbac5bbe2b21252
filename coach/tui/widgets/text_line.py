"""A line (or a few) of plain text that repaints only when the text really changes."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class TextLine(Widget):
    """Plain text, never parsed as markup: routine files may hold brackets."""

    DEFAULT_CSS = """
    TextLine {
        height: auto;
        width: 1fr;
    }
    """

    # Laid out again only when the new text may take another size (see `watch_text`): a
    # layout repaints the whole screen, a plain refresh only this line.
    text: reactive[str] = reactive("")

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        # "-empty" given with the classes, not set after: setting a class restyles the widget,
        # and home's first frame is made of these.
        empty = "" if text else "-empty"
        super().__init__(id=id, classes=" ".join(filter(None, (classes, empty))) or None)
        self.set_reactive(TextLine.text, text)

    def watch_text(self, old: str, text: str) -> None:
        # Stylesheets may hide an empty line (`#tip.-empty { display: none; }`).
        self.set_class(not text, "-empty")
        same_shape = len(old) == len(text) and old.count("\n") == text.count("\n")
        self.refresh(layout=not same_shape)

    def render(self) -> Content:
        return Content(self.text)
