"""The playback backends, with a stand-in for simpleaudio so no device is touched."""

from __future__ import annotations

import sys
import threading

import pytest

from coach.audio.backend import (
    FAILURES_BEFORE_GIVING_UP,
    Clip,
    RecordingBackend,
    SilentBackend,
    SimpleaudioBackend,
    _reason,
)


class DeviceError(Exception):
    """What simpleaudio raises; its text has the same shape as the real one."""


NO_DEVICE = DeviceError("Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory")
BUSY = DeviceError("Error opening PCM device. -- CODE: -16 -- MSG: Device or resource busy")


class FakePlay:
    def __init__(self) -> None:
        self.done = False

    def is_playing(self) -> bool:
        return not self.done

    def wait_done(self) -> None:
        self.done = True


class FakeSimpleaudio:
    """Answers each `play_buffer` with the next outcome: None plays, an exception fails."""

    def __init__(self, *outcomes: Exception | None) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[tuple[bytes, int, int, int]] = []
        self.plays: list[FakePlay] = []
        self.still_playing_at_each_call: list[int] = []
        self.stops = 0

    def play_buffer(self, pcm: bytes, channels: int, width: int, rate: int) -> FakePlay:
        self.calls.append((pcm, channels, width, rate))
        self.still_playing_at_each_call.append(sum(p.is_playing() for p in self.plays))
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome
        self.plays.append(FakePlay())
        return self.plays[-1]

    def stop_all(self) -> None:
        self.stops += 1


BEEP = Clip("beep", b"\x01\x00\x02\x00", 22050)


def test_clip_knows_its_length() -> None:
    clip = Clip("x", bytes(4 * 4410), 44100, channels=2)
    assert (clip.frames, clip.duration) == (4410, 0.1)
    assert "pcm" not in repr(clip)


def test_the_probe_plays_silence_first_then_clips_in_their_own_format() -> None:
    fake = FakeSimpleaudio()
    backend = SimpleaudioBackend(module=fake)
    backend.play(BEEP)
    assert backend.drain(timeout=5)
    assert fake.calls == [(bytes(882), 1, 2, 44100), (BEEP.pcm, 1, 2, 22050)]
    assert fake.still_playing_at_each_call == [0, 0], "the probe ends before the first cue opens"
    assert backend.available and backend.problem is None


def test_no_device_at_the_start_makes_the_backend_unavailable_with_a_reason() -> None:
    fake = FakeSimpleaudio(NO_DEVICE)
    backend = SimpleaudioBackend(module=fake)
    assert backend.drain(timeout=5)
    assert not backend.available
    assert (
        backend.problem == "no audio device (Error opening PCM device: No such file or directory)"
    )
    backend.play(BEEP)
    assert backend.drain(timeout=5)
    assert len(fake.calls) == 1, "an unavailable backend must not keep trying the device"


def test_without_a_probe_the_first_cue_finds_out() -> None:
    fake = FakeSimpleaudio(NO_DEVICE)
    backend = SimpleaudioBackend(module=fake, probe=False)
    assert backend.available
    backend.play(BEEP)
    assert backend.drain(timeout=5)
    assert not backend.available


def test_a_single_refusal_after_sound_worked_skips_only_that_clip() -> None:
    fake = FakeSimpleaudio(None, BUSY, None)
    backend = SimpleaudioBackend(module=fake)
    backend.play(BEEP)
    backend.play(BEEP)
    assert backend.drain(timeout=5)
    assert backend.available
    assert len(fake.calls) == 3


def test_repeated_refusals_give_up() -> None:
    fake = FakeSimpleaudio(None, *[BUSY] * FAILURES_BEFORE_GIVING_UP)
    backend = SimpleaudioBackend(module=fake)
    for _ in range(FAILURES_BEFORE_GIVING_UP):
        backend.play(BEEP)
    assert backend.drain(timeout=5)
    assert backend.problem == "no audio device (Error opening PCM device: Device or resource busy)"


def test_a_device_that_hangs_never_blocks_the_caller_and_counts_as_unavailable() -> None:
    entered, release = threading.Event(), threading.Event()

    class HangingDevice(FakeSimpleaudio):
        def play_buffer(self, pcm: bytes, channels: int, width: int, rate: int) -> FakePlay:
            entered.set()
            release.wait(timeout=10)
            return FakePlay()

    backend = SimpleaudioBackend(module=HangingDevice(), device_timeout=0.0)
    assert entered.wait(timeout=10)
    backend.play(BEEP)  # returns although the device is stuck
    try:
        assert not backend.available
        assert backend.problem == "the audio device did not answer within 0 s"
    finally:
        release.set()
        backend.drain(timeout=10)


def test_stop_all_reaches_simpleaudio() -> None:
    fake = FakeSimpleaudio()
    backend = SimpleaudioBackend(module=fake, probe=False)
    backend.stop_all()
    assert fake.stops == 1


def test_simpleaudio_that_cannot_be_imported_is_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", None)
    backend = SimpleaudioBackend()
    assert backend.drain(timeout=5)
    assert backend.problem is not None
    assert backend.problem.startswith("simpleaudio could not be loaded (")
    backend.stop_all()  # nothing loaded, nothing to stop, no error


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (NO_DEVICE, "Error opening PCM device: No such file or directory"),
        (
            ValueError("Weird sample rates are not supported."),
            "Weird sample rates are not supported.",
        ),
        (OSError("two\nlines"), "two lines"),
        (RuntimeError(), "RuntimeError"),
    ],
)
def test_reason_is_one_line(error: Exception, reason: str) -> None:
    assert _reason(error) == reason


def test_recording_backend_keeps_names_and_samples_in_order() -> None:
    backend = RecordingBackend()
    backend.play(BEEP)
    backend.play(Clip("other", b"\x05\x00", 44100))
    backend.stop_all()
    assert backend.names == ["beep", "other"]
    assert backend.plays == [("beep", BEEP.pcm), ("other", b"\x05\x00")]
    assert backend.stops == 1


def test_an_unavailable_recording_backend_records_nothing() -> None:
    backend = RecordingBackend(available=False, problem="no card")
    backend.play(BEEP)
    assert backend.plays == [] and backend.problem == "no card"
    assert RecordingBackend(available=False).problem == "recording backend is off"


def test_silent_backend_plays_nothing_and_is_fine() -> None:
    backend = SilentBackend()
    backend.play(BEEP)
    backend.stop_all()
    assert backend.available and backend.problem is None and backend.name == "silent"
