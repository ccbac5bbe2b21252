"""Keeping ALSA's error lines off the terminal (the subprocess proof is in tests/integration)."""

from __future__ import annotations

import os

import pytest

from coach.audio import alsa


def test_the_handler_installs_from_the_system_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alsa, "_installed", False)
    kept = len(alsa._handlers)
    assert alsa.silence_alsa_errors()
    assert len(alsa._handlers) == kept + 1, "the callback must stay referenced while ALSA holds it"
    assert alsa.silence_alsa_errors()
    assert len(alsa._handlers) == kept + 1, "installed once per process"


def test_the_usual_library_name_is_tried_before_any_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #10 (session memory): `find_library` runs `ldconfig -p` in a child process and
    reads all it prints; with libasound.so.2 present it must not run at all."""
    searched: list[str] = []
    monkeypatch.setattr(alsa.ctypes.util, "find_library", searched.append)
    monkeypatch.setattr(alsa, "_installed", False)
    assert alsa.silence_alsa_errors()
    assert searched == []


def test_no_library_means_no_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alsa, "_installed", False)
    assert not alsa.silence_alsa_errors(["libcoach-no-such-library.so.9"])
    assert not alsa._installed


def test_a_library_without_the_hook_means_no_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alsa, "_installed", False)
    assert not alsa.silence_alsa_errors(["libc.so.6"])


def test_stderr_to_devnull_hides_fd_2_and_then_restores_it(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with alsa.stderr_to_devnull():
        os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
    os.write(2, b"visible again\n")
    assert capfd.readouterr().err == "visible again\n"


def test_device_opening_falls_back_to_fd_2_without_the_library(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(alsa, "silence_alsa_errors", lambda: False)
    with alsa.quiet_device_opening():
        os.write(2, b"ALSA lib confmisc.c: cannot find card '0'\n")
    assert capfd.readouterr().err == ""


def test_device_opening_leaves_fd_2_alone_when_the_handler_is_in(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(alsa, "silence_alsa_errors", lambda: True)
    with alsa.quiet_device_opening():
        os.write(2, b"the screen keeps drawing\n")
    assert capfd.readouterr().err == "the screen keeps drawing\n"
