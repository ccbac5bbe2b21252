"""Footers that draw every key in one widget: at once in a screen's first frame (`ReadyFooter`),
and for a whole session with a fraction of the memory (`OneLineFooter`)."""

from __future__ import annotations

from itertools import groupby
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
    from textual.binding import Binding
    from textual.screen import Screen


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyGroup(NamedTuple):
    """Keys shown together under one label, as Textual shows a `Binding.Group` of more than
    one action: the keys side by side (each key's own description is left out), then the
    label."""

    keys: tuple[Key, ...]
    label: str
    compact: bool


#: One run of cells of the line: its text, its style, and the key a click on it presses.
Run = tuple[str, Style, "Key | None"]


class KeyLine(FooterKey):
    """Every key of the footer in one widget, drawn cell for cell as Textual's `FooterKey`s,
    `KeyGroup`s and group labels draw them side by side (it is one, for the stylesheet: the
    same rules style it). One widget in place of a widget per key takes about 7 ms off the
    first frame, and memory off a session (`OneLineFooter`). It has no hover look or tooltips
    of its own."""

    DEFAULT_CSS = """
    KeyLine:hover {
        color: $footer-foreground;
        background: $footer-item-background;
    }
    """

    def __init__(self, items: list[Key | KeyGroup], *, compact: bool) -> None:
        super().__init__("", "", "", "")
        self.items = items
        # Set as the footer's data binding would set it, without restyling an extra time.
        self.set_reactive(FooterKey.compact, compact)
        self.set_class(compact, "-compact", update=False)

    @property
    def keys(self) -> list[Key]:
        """Every key on the line, in order."""
        return [
            key
            for item in self.items
            for key in (item.keys if isinstance(item, KeyGroup) else (item,))
        ]

    def _runs(self) -> list[Run]:
        """The line as Textual's footer lays out its widgets: each key's own styles over the
        key's (dim when it is disabled), margins in the footer's background (two margins side
        by side take the wider of the two, as Textual's horizontal layout has them)."""
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        key_padding = self.get_component_styles("footer-key--key").padding
        described = self.get_component_styles("footer-key--description")
        description_padding = described.padding
        footer = self.parent
        assert isinstance(footer, Widget)
        background = footer.background_colors[1]
        gap_style = Style.from_color(bgcolor=background.rich_color)
        label_background = background + described.background
        label_style = Style.from_color(
            (label_background + described.color).rich_color, label_background.rich_color
        )
        runs: list[Run] = []

        def gap(width: int) -> None:
            if width:
                runs.append((" " * width, gap_style, None))

        def key_runs(key: Key, with_description: bool) -> list[Run]:
            style = self.rich_style + (Style() if key.enabled else Style(dim=True))
            if not with_description:
                return [(key.display, style + key_style, key)]
            shown = " " * key_padding.left + key.display + " " * key_padding.right
            body: list[Run] = [(shown, style + key_style, key)]
            if key.description:
                left, right = description_padding.left, description_padding.right
                description = " " * left + key.description + " " * right
                body.append((description, style + description_style, key))
            return body

        # Textual's footer stylesheet (the pinned version) gives a key a right margin in a
        # compact footer; a compact group a space before its keys and one after them; a loose
        # group a space round each key (two side by side share one); a group's label a right
        # margin outside a compact footer. A margin is drawn once something follows it.
        after = 0
        for item in self.items:
            gap(after)
            if isinstance(item, Key):
                runs.extend(key_runs(item, with_description=True))
                after = self.styles.margin.right
                continue
            gap(1)
            for index, key in enumerate(item.keys):
                gap(1 if index and not item.compact else 0)
                runs.extend(key_runs(key, with_description=False))
            gap(1)
            runs.append((item.label, label_style, None))
            after = 0 if self.compact else 1
        gap(after)
        return runs

    def _segments(self) -> list[Segment]:
        return [Segment(text, style) for text, style, _ in self._runs()]

    def render(self) -> Text:
        # What Textual measures the widget's width with; `render_line` draws it.
        return Text.assemble(*((text, style) for text, style, _ in self._runs()))

    def render_line(self, y: int) -> Strip:
        # The segments as they are: drawn through `render`, the gaps would take this
        # widget's text colour, which the footer's own background does not have.
        return Strip(self._segments()) if y == 0 else Strip.blank(self.size.width)

    def key_spans(self) -> list[tuple[Key, int, int]]:
        """Each key with the columns it is drawn on, from `start` up to (not with) `end`."""
        spans: list[tuple[Key, int, int]] = []
        start = 0
        for text, _, key in self._runs():
            end = start + cell_len(text)
            if key is not None:
                if spans and spans[-1][0] is key:
                    start = spans.pop()[1]
                spans.append((key, start, end))
            start = end
        return spans

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column `x`, if any."""
        return next((key for key, start, end in self.key_spans() if start <= x < end), None)

    def show(self, items: list[Key | KeyGroup]) -> None:
        """Show these keys instead, in the same widget."""
        if items != self.items:
            self.items = items
            self.refresh(layout=True)

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

    #: Textual's keys show a binding's tooltip on hover; the one line has none, so a tooltip
    #: brings Textual's keys.
    shows_tooltips = True

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        # Textual's own flag (pinned version), set where the first announcement would set it.
        self.set_reactive(Footer._bindings_ready, True)
        self._one_line = True
        self._swap_asked = False

    def compose(self) -> ComposeResult:
        self._swap_asked = False
        items = self._items() if self._one_line else None
        if items is None:
            yield from super().compose()
        else:
            yield KeyLine(items, compact=self.compact)

    def use_textual_keys(self) -> None:
        """From now on, a widget per key as Textual's footer has (hover look, tooltips)."""
        self._one_line = False
        if not self._swap_asked and self.query_children(KeyLine):
            self._swap_asked = True
            self.call_later(self.recompose)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._one_line = False
        super().bindings_changed(screen)

    def _items(self) -> list[Key | KeyGroup] | None:
        """The keys as Textual's footer would list them (the first key of each action, in
        order; a `Binding.Group` of more than one action as one `KeyGroup`), or None where the
        line cannot show them so: a tooltip, or the command palette's key docked at the right.
        """
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            return None
        first_of_action: dict[str, tuple[Binding, Key]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            if tooltip and self.shows_tooltips:
                return None
            if binding.action not in first_of_action:
                display = self.app.get_key_display(binding)
                key = Key(binding.key, display, binding.description, enabled)
                first_of_action[binding.action] = (binding, key)
        items: list[Key | KeyGroup] = []
        for group, members in groupby(first_of_action.values(), lambda member: member[0].group):
            keys = [key for _, key in members]
            if group is not None and len(keys) > 1:
                grouped = tuple(key._replace(description="") for key in keys)
                items.append(KeyGroup(grouped, group.description, group.compact))
            else:
                items.extend(keys)
        return items


class OneLineFooter(ReadyFooter):
    """A footer whose keys stay one `KeyLine` for its whole life: a change of the screen's
    keys (pause and resume, say) redraws that line rather than composing a widget per key
    again. About 0.5 MB less for a session's screen and its Finished screen, which stay up
    the longest (benchmarks/bench_memory.py); the keys have no hover look or tooltips. The
    command palette's key is off unless asked for: with it, Textual's keys are listed."""

    shows_tooltips = False

    def __init__(self, *, compact: bool = False, show_command_palette: bool = False) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)

    def use_textual_keys(self) -> None:
        """Never: the keys stay one line."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        # As Textual's footer: not while the terminal is out of focus (the app tells the
        # screen again when it comes back), nor for another screen.
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        items = self._items()
        lines = self.query_children(KeyLine)
        if items is not None and lines:
            lines.first().show(items)
        else:
            self.call_after_refresh(self.recompose)
