"""Prints a built package folder's size and its ten biggest parts (a part: a top-level package
under ``_internal``, or a single library file)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

MB = 1_000_000


def parts(folder: Path) -> Counter[str]:
    """Bytes per part: the first folder level inside ``_internal`` (PySide6 split one deeper)."""
    internal = folder / "_internal"
    sizes: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(internal if internal in path.parents else folder)
        names = relative.parts
        if names[0] == "PySide6" and len(names) > 2 and names[1] == "Qt":
            key = "/".join(names[:3]) if names[2] != "lib" else "/".join(names[:4])
        else:
            key = names[0]
        sizes[key] += path.stat().st_size
    return sizes


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/qbconnector")
    sizes = parts(folder)
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    print(f"package: {folder} is {sum(sizes.values()) / MB:.1f} MB in {files} files")
    for name, size in sizes.most_common(10):
        print(f"  {size / MB:6.1f} MB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
