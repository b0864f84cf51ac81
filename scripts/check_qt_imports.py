"""Fails when a module outside qbconnector/ui/ and qbconnector/app.py imports PySide6."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "qbconnector"
ALLOWED = (PACKAGE / "ui", PACKAGE / "app.py")


def qt_imports(path: Path) -> list[int]:
    """Line numbers of every PySide6 import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name == "PySide6" or name.startswith("PySide6.") for name in names):
            lines.append(node.lineno)
    return lines


def main() -> int:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(path == allowed or allowed in path.parents for allowed in ALLOWED):
            continue
        offenders += [f"{path.relative_to(PACKAGE.parent)}:{line}" for line in qt_imports(path)]
    for offender in offenders:
        print(f"PySide6 imported outside qbconnector/ui/ and app.py: {offender}")
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
