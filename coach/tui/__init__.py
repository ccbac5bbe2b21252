"""The Textual player: screens, widgets and the app factory. Only the CLI imports it."""
