"""Reusable pieces of the player's screens."""
