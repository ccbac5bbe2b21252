"""A fresh interpreter that runs some code and says which modules that loaded: the tests of
what loads when (start-up, first frame, `coach run`)."""

from __future__ import annotations

import subprocess
import sys

MARK = "--- modules loaded ---"


def run_and_list(code: str, env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """What `code` printed, and every module loaded once it ran, in a fresh interpreter."""
    script = f"import sys\n{code}\nprint({MARK!r})\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    printed, _, modules = result.stdout.partition(MARK)
    return printed, modules.split()
