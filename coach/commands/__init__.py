"""Command-line commands, one module per family. Heavy imports stay inside the handlers."""
