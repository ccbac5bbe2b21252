"""A footer that lists its keys in the screen's first frame."""

from __future__ import annotations

from textual.widgets import Footer


class ReadyFooter(Footer):
    """Textual's footer stays empty until the screen announces its bindings, which for the
    app's first screen comes a frame later: home would be drawn once without its keys. The
    bindings of a screen with nothing focused are known when it is composed, so this one lists
    them at once (and follows later changes as the footer does)."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        # Textual's own flag (pinned version), set where the first announcement would set it.
        self.set_reactive(Footer._bindings_ready, True)
