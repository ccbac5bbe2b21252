"""coach: a terminal exercise coach for foot and calf routines."""

__version__ = "0.1.0"
