"""Reminders for the weekly plan, the terminal way: no daemon of coach's own.

`units` writes the text of a systemd user timer and service (or marked crontab lines) and of a
desktop entry, `install` puts them in place, `notify` speaks to the desktop's notification
server over D-Bus (jeepney), `launch` opens a terminal running coach, and `fire` is what a
reminder does when it comes round.
"""
