"""The player's screens: home, preview, session, finished, and the stop question."""
