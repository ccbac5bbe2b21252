"""Handing a worker thread's result to the screen that asked for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode


def deliver(node: DOMNode, show: Callable[..., object], *args: Any) -> None:
    """From a worker thread: `show(*args)` on the app's loop, if `node` is still in the app by
    then. A screen closed while its worker read (Esc just after opening it, or the app
    quitting) has lost its widgets, and showing the result there failed the whole app."""

    def on_loop() -> None:
        if node.is_attached and node.is_running:
            show(*args)

    node.app.call_from_thread(on_loop)
