"""Start-up to the first painted window (offscreen), cold then warm, for the source or a package.

``python scripts/measure_startup.py [PROGRAM...] [--runs N]``: PROGRAM defaults to this checkout's
``python -m qbconnector``; give ``dist/qbconnector/qbconnector`` for the package. Each run opens
the window on a new empty profile (the welcome page) and stops at its first paint.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(program: list[str], profile: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.setdefault("LANG", "C.UTF-8")
    begin = time.perf_counter()
    process = subprocess.Popen(
        [*program, "--profile", str(profile), "gui", "--exit-after-first-paint", "--language",
         "en"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("qbconnector: first paint"):
            elapsed = time.perf_counter() - begin
            break
    else:
        raise SystemExit(f"no first paint from {program} (exit code {process.wait()})")
    process.wait(timeout=30)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("program", nargs="*", default=[sys.executable, "-m", "qbconnector"])
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        times = [one_run(args.program, Path(folder) / f"p{n}") for n in range(args.runs)]
    warm = times[1:] or times
    print(f"start-up to first paint: cold {times[0]:.3f} s, warm median "
          f"{statistics.median(warm):.3f} s (min {min(warm):.3f}, max {max(warm):.3f}, "
          f"{len(warm)} runs)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
