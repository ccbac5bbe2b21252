"""Sound and voice cues: part of the shell, never imported by the pure core.

`backend` plays PCM clips (simpleaudio, silent, or recording for tests), `alsa` keeps ALSA's
error lines off the terminal, `sounds` finds and loads the WAV for each cue, `cues` maps the
engine's cue kinds to clips, and `voice` renders phrases with espeak-ng.
"""
