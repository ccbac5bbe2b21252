"""The session engine and its clocks. Part of the pure core: no Textual, audio or storage."""
