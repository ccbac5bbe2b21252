"""Keep ALSA's own error lines off the terminal.

ALSA prints its errors ("cannot find card '0'", "Unknown PCM default") straight to file
descriptor 2, below Python, and fd 2 is where Textual draws the screen. The clean fix is ALSA's
own hook: a no-op error handler installed through ctypes before anything opens a device. When
the library cannot be found that way, `quiet_device_opening` falls back to pointing fd 2 at
/dev/null for the moment a device is opened.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import threading
from collections.abc import Iterator

# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
# The variadic tail is never read, so declaring the fixed part is enough.
_HandlerType = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _ignore(
    file: bytes | None, line: int, function: bytes | None, err: int, fmt: bytes | None
) -> None:
    return None


# ALSA keeps only a bare C pointer to a handler, so every handler ever installed stays
# referenced here: a collected one would leave ALSA calling freed memory.
_handlers: list[object] = []
_installed = False
_lock = threading.Lock()


def _library_names() -> Iterator[str]:
    """The usual soname first; only if that fails, a search (`find_library` runs `ldconfig -p`
    in a child process and reads all it prints, which costs a session time and memory)."""
    yield "libasound.so.2"
    found = ctypes.util.find_library("asound")
    if found and found != "libasound.so.2":
        yield found


def silence_alsa_errors(library_names: list[str] | None = None) -> bool:
    """Install the no-op handler once per process; True when ALSA's errors are now silenced."""
    global _installed
    with _lock:
        if _installed:
            return True
        for name in library_names if library_names is not None else _library_names():
            try:
                setter = ctypes.CDLL(name).snd_lib_error_set_handler
            except (OSError, AttributeError):
                continue
            handler = _HandlerType(_ignore)
            setter.argtypes = [_HandlerType]
            setter.restype = ctypes.c_int
            _handlers.append(handler)
            if setter(handler) == 0:
                _installed = True
                return True
        return False


@contextlib.contextmanager
def stderr_to_devnull() -> Iterator[None]:
    """Point fd 2 at /dev/null for the block.

    It is process-wide, so anything else writing to fd 2 meanwhile is lost too: keep the block
    to the call that opens the device.
    """
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        os.close(saved)
        yield
        return
    try:
        os.dup2(devnull, 2)
        os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def quiet_device_opening() -> Iterator[None]:
    """Silence ALSA around opening a device: by its handler if possible, else by fd 2."""
    if silence_alsa_errors():
        yield
    else:
        with stderr_to_devnull():
            yield
