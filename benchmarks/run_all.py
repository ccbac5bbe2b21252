"""Run every benchmark in this folder (`make bench`) and print their Markdown tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    failed = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"\n## {script.stem}\n", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=here.parent)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
