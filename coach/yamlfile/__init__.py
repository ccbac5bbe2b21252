"""Hand-written YAML files read safely, with the line and column of every value.

`reading` turns a file into a PyYAML node tree, refusing anything that could hurt before it is
composed; `nodes` reads typed values out of that tree, noting each mistake where it is.
"""

from __future__ import annotations

from coach.problems import suggest
from coach.yamlfile.nodes import (
    MAX_DURATION_S,
    MAX_PROBLEMS,
    NodeReader,
    parse_duration_text,
)
from coach.yamlfile.reading import MAX_BYTES, MAX_DEPTH, MAX_NODES, compose, read_node, read_text

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DURATION_S",
    "MAX_NODES",
    "MAX_PROBLEMS",
    "NodeReader",
    "compose",
    "parse_duration_text",
    "read_node",
    "read_text",
    "suggest",
]
