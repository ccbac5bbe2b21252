"""CuePlayer: engine cues to clips, mute and volume, the fallback signal, and how speech and
beeps take turns (with a fake clock, so no test waits)."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from coach.audio.backend import Clip, RecordingBackend
from coach.audio.cues import STALE_AFTER_S, CuePlayer
from coach.audio.sounds import SoundSet, scale_pcm
from coach.audio.voice import HINT
from coach.locations import bundled_dir
from coach.session.clock import FakeClock


def bundled_pcm(name: str) -> bytes:
    with wave.open(str(bundled_dir("sounds") / f"{name}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


def bundled_seconds(name: str) -> float:
    with wave.open(str(bundled_dir("sounds") / f"{name}.wav"), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


class StubVoice:
    """Stands in for `Voice`: each phrase becomes a silent clip of `seconds`; a voice with a
    problem says nothing.

    Deliveries wait in `pending` until `run()`, as they would on the voice's own thread.
    """

    def __init__(self, seconds: float = 1.0, problem: str | None = None) -> None:
        self.seconds = seconds
        self.problem = problem
        self.pending: list[Callable[[], None]] = []

    @property
    def available(self) -> bool:
        return self.problem is None

    def say(self, phrase: str, deliver: Callable[[Clip], None], volume: float = 1.0) -> bool:
        if not self.available:
            return False
        clip = Clip(f"say:{phrase}", bytes(2 * round(22050 * self.seconds)), 22050)
        self.pending.append(lambda: deliver(clip))
        return True

    def run(self) -> None:
        while self.pending:
            self.pending.pop(0)()


class Rig:
    def __init__(
        self,
        tmp_path: Path,
        *,
        overrides: dict[str, str | None] | None = None,
        backend: RecordingBackend | None = None,
        voice: StubVoice | None = None,
        volume: float = 1.0,
    ) -> None:
        self.clock = FakeClock()
        self.sleeps: list[float] = []
        self.backend = backend or RecordingBackend()
        self.voice = voice
        self.player = CuePlayer(
            self.backend,
            SoundSet(overrides, user_dir=tmp_path / "user-sounds"),
            volume=volume,
            voice=voice,  # type: ignore[arg-type]
            clock=self.clock,
            sleep=self.sleep,
        )

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.clock.advance(seconds)


@pytest.mark.parametrize(
    ("kind", "detail", "sound"),
    [
        ("prepare", None, "prepare"),
        ("start", None, "start"),
        ("countdown", "3", "countdown"),
        ("countdown", "1", "countdown"),
        ("halfway", None, "halfway"),
        ("tempo", "up", "tempo-up"),
        ("tempo", "hold", "tempo-hold"),
        ("tempo", "down", "tempo-down"),
        ("tempo", "pause", "tempo-pause"),
        ("switch", None, "switch"),
        ("rest", None, "rest"),
        ("finish", None, "finish"),
    ],
)
def test_each_engine_cue_plays_its_bundled_sound(
    tmp_path: Path, kind: str, detail: str | None, sound: str
) -> None:
    rig = Rig(tmp_path)
    assert rig.player.cue(kind, detail) is True
    assert rig.backend.plays == [(sound, bundled_pcm(sound))]


def test_a_session_of_cues_plays_in_order(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    for kind, detail in [("prepare", None), ("start", None), ("tempo", "up"), ("tempo", "down")]:
        rig.player.cue(kind, detail)
    assert rig.backend.names == ["prepare", "start", "tempo-up", "tempo-down"]


def test_volume_scales_what_is_played(tmp_path: Path) -> None:
    rig = Rig(tmp_path, volume=0.5)
    rig.player.cue("finish")
    assert rig.player.set_volume(0.25) == 0.25
    rig.player.cue("finish")
    assert [pcm for _, pcm in rig.backend.plays] == [
        scale_pcm(bundled_pcm("finish"), 0.5),
        scale_pcm(bundled_pcm("finish"), 0.25),
    ]


@pytest.mark.parametrize(("asked", "kept"), [(1.4, 1.0), (-1.0, 0.0), (0.333, 0.33)])
def test_volume_is_kept_within_range_in_steps(tmp_path: Path, asked: float, kept: float) -> None:
    assert Rig(tmp_path).player.set_volume(asked) == kept


def test_mute_silences_and_stops_and_unmute_brings_sound_back(tmp_path: Path) -> None:
    rig = Rig(tmp_path)
    rig.player.mute()
    assert rig.backend.stops == 1
    assert rig.player.cue("start") is True, "muted by choice: no flash-and-bell fallback"
    assert rig.backend.plays == []
    rig.player.unmute()
    rig.player.cue("start")
    assert rig.backend.names == ["start"]


def test_toggle_mute_reports_the_new_state(tmp_path: Path) -> None:
    player = Rig(tmp_path).player
    assert [player.toggle_mute(), player.toggle_mute(), player.toggle_mute()] == [True, False, True]
    assert player.muted


def test_no_audio_device_asks_for_the_fallback_and_says_why_once(tmp_path: Path) -> None:
    backend = RecordingBackend(available=False, problem="no audio device (no card)")
    rig = Rig(tmp_path, backend=backend)
    assert rig.player.cue("start") is False
    assert rig.player.cue("countdown", "3") is False
    expected = "No sound: no audio device (no card). Cues will flash and ring the terminal bell."
    assert rig.player.problem == expected
    assert rig.player.take_notices() == [expected]
    assert rig.player.take_notices() == []


def test_a_silenced_event_plays_nothing_and_needs_no_fallback(tmp_path: Path) -> None:
    rig = Rig(tmp_path, overrides={"countdown": None})
    assert rig.player.cue("countdown", "2") is True
    assert rig.backend.plays == [] and rig.player.take_notices() == []


def test_a_missing_sound_is_noticed_once_and_the_cue_is_silent(tmp_path: Path) -> None:
    rig = Rig(tmp_path, overrides={"finish": "gong"})
    assert rig.player.cue("finish") is True
    assert rig.player.cue("finish") is True
    assert rig.backend.plays == []
    notices = rig.player.take_notices()
    assert len(notices) == 1 and "no sound 'gong' for the finish cue" in notices[0]
    assert rig.player.take_notices() == []


def test_cue_never_raises(tmp_path: Path) -> None:
    class BrokenSounds(SoundSet):
        def clip(self, kind: str, detail: str | None = None, volume: float = 1.0) -> Clip | None:
            raise PermissionError("sounds folder unreadable")

    player = CuePlayer(RecordingBackend(), BrokenSounds(user_dir=tmp_path / "user-sounds"))
    assert player.cue("start") is False
    assert player.take_notices() == ["the start cue failed: sounds folder unreadable"]


def test_speech_waits_for_the_beep_that_is_playing(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice())
    rig.player.cue("start")
    assert rig.player.say("Toe raises, 10 reps")
    rig.voice.run()  # type: ignore[union-attr]
    assert rig.backend.names == ["start", "say:Toe raises, 10 reps"]
    assert rig.sleeps == [round(bundled_seconds("start"), 6)]


def test_speech_after_the_beep_has_ended_starts_at_once(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice())
    rig.player.cue("countdown", "3")
    rig.clock.advance(0.5)
    rig.player.say("rest")
    rig.voice.run()  # type: ignore[union-attr]
    assert rig.backend.names == ["countdown", "say:rest"] and rig.sleeps == []


def test_phrases_follow_each_other_and_a_late_one_is_dropped(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice(seconds=2.0))
    for phrase in ("first", "second", "third"):
        rig.player.say(phrase)
    rig.voice.run()  # type: ignore[union-attr]
    # "third" could start only 4 s after it was asked for: later than STALE_AFTER_S.
    assert STALE_AFTER_S < 4.0
    assert rig.backend.names == ["say:first", "say:second"]
    assert rig.sleeps == [2.0]


def test_a_beep_during_speech_plays_at_once(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice(seconds=2.0))
    rig.player.say("switch sides")
    rig.voice.run()  # type: ignore[union-attr]
    rig.clock.advance(0.5)
    rig.player.cue("tempo", "up")
    assert rig.backend.names == ["say:switch sides", "tempo-up"]


def test_muting_while_speech_waits_drops_it(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice())
    rig.player.cue("halfway")
    rig.player.say("halfway")

    def sleep_then_mute(seconds: float) -> None:
        rig.clock.advance(seconds)
        rig.player.mute()

    rig.player._sleep = sleep_then_mute
    rig.voice.run()  # type: ignore[union-attr]
    assert rig.backend.names == ["halfway"]


@pytest.mark.parametrize("why", ["muted", "no voice", "no device", "voice off"])
def test_say_reports_when_nothing_will_be_spoken(tmp_path: Path, why: str) -> None:
    rig = Rig(
        tmp_path,
        voice=None
        if why == "no voice"
        else StubVoice(problem=HINT if why == "voice off" else None),
        backend=RecordingBackend(available=why != "no device"),
    )
    if why == "muted":
        rig.player.mute()
    assert rig.player.say("rest") is False
    assert rig.backend.plays == []


def test_the_voice_hint_is_a_notice_once(tmp_path: Path) -> None:
    rig = Rig(tmp_path, voice=StubVoice(problem=HINT))
    assert rig.player.take_notices() == [HINT]
    assert rig.player.take_notices() == []


def test_the_sound_is_built_only_once_the_device_has_answered() -> None:
    """Issue #10: the first cue of a session sounded about 100 ms late, because it waited
    behind the opening of the device. The session's clock waits for `build`, so `build` waits
    for the device's probe to have played."""
    from builders import exercise, routine

    from coach.audio.choices import SoundChoices
    from coach.audio.session_sound import DEVICE_READY_S, SessionSound
    from coach.routine.timeline import expand

    class Opening(RecordingBackend):
        waited: list[float | None] = []

        def drain(self, timeout: float | None = None) -> bool:
            self.waited.append(timeout)
            return True

    backend = Opening()
    steps = routine(exercise(duration=5))
    sound = SessionSound(lambda: backend, steps, expand(steps), SoundChoices(voice=False))
    assert not sound.ready
    sound.build()
    assert backend.waited == [DEVICE_READY_S] and sound.ready
