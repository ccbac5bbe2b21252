"""Tests of `coach report` and `coach print`."""
