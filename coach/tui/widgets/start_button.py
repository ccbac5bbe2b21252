"""Home's start button: Textual's success button, with a stylesheet of its own."""

from __future__ import annotations

from textual.widgets import Button


class StartButton(Button, inherit_css=False):
    """Textual's `Button(variant="success")` as it looks and behaves, styled by a stylesheet
    made for this one button. Textual's button stylesheet, written for every variant and for
    flat and compact buttons, is the largest in home's first frame: parsing it and matching its
    rules took about 3 ms of it. `tests/functional/test_start_button.py` draws the two side by
    side in every state and theme."""

    # The values are those of Textual's success button (8.2.8). Ties in specificity go to the
    # later rule, so a state that must win when states combine comes after the one it beats.
    DEFAULT_CSS = """
    StartButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-color-foreground;
        background: $success;
        /* Raised: a light edge above, a dark one below. */
        border-top: tall $success-lighten-2;
        border-bottom: tall $success-darken-3;
    }
    StartButton:disabled {
        text-opacity: 0.6;
        pointer: not-allowed;
    }
    StartButton:focus {
        text-style: $button-focus-text-style;
        background-tint: $foreground 5%;
    }
    StartButton:hover {
        background: $success-darken-2;
        border-top: tall $success;
    }
    /* Pressed, even under the pointer: the edges swap, so it looks pushed in. */
    StartButton.-active {
        background: $success;
        border-top: tall $success-darken-2;
        border-bottom: tall $success-lighten-2;
        tint: $background 30%;
    }

    /* The ANSI themes (ansi-dark, ansi-light) leave the background to the terminal: the
       colour goes on the label and on a border all round instead. */
    StartButton:ansi {
        color: $success;
        background: ansi_default;
        border: tall $success;
    }
    StartButton:ansi:hover {
        background: $ansi-background;
    }
    /* Fading the label needs a background colour to fade towards, which the terminal's own
       is not: dimmed instead, with the border of an unfocused widget. */
    StartButton:ansi:disabled {
        text-opacity: 1;
        text-style: bold dim;
        background: ansi_default;
        border: tall $border-blurred;
    }
    StartButton:ansi.-active {
        background: $ansi-background;
        border: blank $background;
        tint: transparent;
    }
    """

    def __init__(self, label: str, *, id: str | None = None, disabled: bool = False) -> None:
        # The classes the variant and style give it, given now: set later, they restyle it.
        super().__init__(
            label, "success", id=id, disabled=disabled, classes="-success -style-default"
        )
