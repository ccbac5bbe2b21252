"""Home's start button: Textual's success button, with only the stylesheet it uses."""

from __future__ import annotations

from textual.widgets import Button


class StartButton(Button, inherit_css=False):
    """Textual's `Button(variant="success")` as it looks and behaves, styled by the rules of
    Textual's button stylesheet that can apply to it (copied from the pinned Textual; the
    rest are for other variants, flat and compact buttons). That stylesheet is the largest in
    home's first frame: parsing it and matching its rules took about 3 ms of it.
    `tests/functional/test_start_button.py` draws the two side by side in every state."""

    DEFAULT_CSS = """
    StartButton:ansi.-style-default {
        border: tall $border-blurred;
        background: ansi_default;

        &:disabled {
            text-opacity: 1;
            text-style: bold dim;
            border: tall $border-blurred !important;
            background: ansi_default !important;
            pointer: not-allowed;
            &:hover {
                background: ansi_default;
            }
        }

        &:hover {
            background: $ansi-background;
            border: tall $border;
        }

        &.-active {
            background: $ansi-background !important;
            border: blank $background !important;
            tint: transparent;
        }

        &.-success {
            color: $success;
            border: tall $success;
            background: ansi_default;
            &:hover {
                background: $ansi-background;
            }
        }
    }

    StartButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;

        &.-style-default {
            text-style: bold;
            color: $button-foreground;
            background: $surface;
            border: none;
            border-top: tall $surface-lighten-1;
            border-bottom: tall $surface-darken-1;

            &:disabled {
                text-opacity: 0.6;
                pointer: not-allowed;
            }

            &:focus {
                text-style: $button-focus-text-style;
                background-tint: $foreground 5%;
            }
            &:hover {
                border-top: tall $surface;
                background: $surface-darken-1;
            }

            &.-active {
                background: $surface;
                border-bottom: tall $surface-lighten-1;
                border-top: tall $surface-darken-1;
                tint: $background 30%;
            }

            &.-success {
                color: $button-color-foreground;
                background: $success;
                border-top: tall $success-lighten-2;
                border-bottom: tall $success-darken-3;

                &:hover {
                    background: $success-darken-2;
                    border-top: tall $success;
                }

                &.-active {
                    background: $success;
                    border-bottom: tall $success-lighten-2;
                    border-top: tall $success-darken-2;
                }
            }
        }
    }
    """

    def __init__(self, label: str, *, id: str | None = None, disabled: bool = False) -> None:
        # The classes the variant and style give it, given now: set later, they restyle it.
        super().__init__(
            label, "success", id=id, disabled=disabled, classes="-success -style-default"
        )
