"""A footer that lists its keys in the screen's first frame, and draws them cheaply there."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyLine(FooterKey):
    """Every key of the footer in one widget, drawn cell for cell as Textual's `FooterKey`s
    draw them side by side (it is one, for the stylesheet: the same rules style it). One
    widget in place of a widget per key takes about 7 ms off the first frame. It has no hover
    look or tooltips of its own: the first mouse move over it, or any change of the screen's
    keys, puts Textual's own keys in its place (`ReadyFooter`)."""

    DEFAULT_CSS = """
    KeyLine:hover {
        color: $footer-foreground;
        background: $footer-item-background;
    }
    """

    def __init__(self, keys: list[Key], *, compact: bool) -> None:
        super().__init__("", "", "", "")
        self.keys = keys
        # Set as the footer's data binding would set it, without restyling an extra time.
        self.set_reactive(FooterKey.compact, compact)
        self.set_class(compact, "-compact", update=False)

    def _spans(self) -> list[tuple[int, Key | None]]:
        """The width of each key and of each gap between two keys (None), in order."""
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        gap = self.styles.margin.right
        spans: list[tuple[int, Key | None]] = []
        for index, key in enumerate(self.keys):
            if index:
                spans.append((gap, None))
            width = key_padding.left + cell_len(key.display) + key_padding.right
            if key.description:
                width += description_padding.left + cell_len(key.description)
                width += description_padding.right
            spans.append((width, key))
        return spans

    def _segments(self) -> list[Segment]:
        """The line as Textual's footer draws its keys: each key's own styles over the key's
        (dim when it is disabled), and the footer's background between two keys."""
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        footer = self.parent
        assert isinstance(footer, Widget)
        gap_style = Style.from_color(bgcolor=footer.background_colors[1].rich_color)
        segments: list[Segment] = []
        for width, key in self._spans():
            if key is None:
                segments.append(Segment(" " * width, gap_style))
                continue
            item_style = self.rich_style + (Style() if key.enabled else Style(dim=True))
            shown = " " * key_padding.left + key.display + " " * key_padding.right
            segments.append(Segment(shown, item_style + key_style))
            if key.description:
                left, right = description_padding.left, description_padding.right
                description = " " * left + key.description + " " * right
                segments.append(Segment(description, item_style + description_style))
        return segments

    def render(self) -> Text:
        # What Textual measures the widget's width with; `render_line` draws it.
        return Text.assemble(*((segment.text, segment.style or "") for segment in self._segments()))

    def render_line(self, y: int) -> Strip:
        # The segments as they are: drawn through `render`, the gaps would take this
        # widget's text colour, which the footer's own background does not have.
        return Strip(self._segments()) if y == 0 else Strip.blank(self.size.width)

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column `x`, if any."""
        start = 0
        for width, key in self._spans():
            if start <= x < start + width:
                return key
            start += width
        return None

    @on(events.MouseDown)
    def _press_key(self, event: events.MouseDown) -> None:
        event.prevent_default()  # not FooterKey's handler: this widget holds many keys
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self) -> None:
        footer = self.parent
        if isinstance(footer, ReadyFooter):
            footer.use_textual_keys()


class ReadyFooter(Footer):
    """Textual's footer stays empty until the screen announces its bindings, which for the
    app's first screen comes a frame later: home would be drawn once without its keys. The
    bindings of a screen with nothing focused are known when it is composed, so this one lists
    them at once (and follows later changes as the footer does): first as one `KeyLine`, then,
    from the first change of the keys or mouse move over them, as Textual's own keys."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        # Textual's own flag (pinned version), set where the first announcement would set it.
        self.set_reactive(Footer._bindings_ready, True)
        self._one_line = True
        self._swap_asked = False

    def compose(self) -> ComposeResult:
        self._swap_asked = False
        keys = self._plain_keys() if self._one_line else None
        if keys is None:
            yield from super().compose()
        else:
            yield KeyLine(keys, compact=self.compact)

    def use_textual_keys(self) -> None:
        """From now on, a widget per key as Textual's footer has (hover look, tooltips)."""
        self._one_line = False
        if not self._swap_asked and self.query_children(KeyLine):
            self._swap_asked = True
            self.call_later(self.recompose)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._one_line = False
        super().bindings_changed(screen)

    def _plain_keys(self) -> list[Key] | None:
        """The keys as Textual's footer would list them, when that is one key per action with
        no groups, no tooltips and no command palette key (else None: Textual's footer)."""
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            return None
        keys: list[Key] = []
        actions: set[str] = set()
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            if binding.group is not None or tooltip:
                return None
            if binding.action in actions:
                continue
            actions.add(binding.action)
            keys.append(
                Key(binding.key, self.app.get_key_display(binding), binding.description, enabled)
            )
        return keys
