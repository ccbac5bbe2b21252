"""Drawings of exercises: key poses, motion along the tempo, and braille rasterising."""
