"""Writes packaging/qbconnector.ico (Windows) and .icns (macOS) from resources/icons/app.svg.

Both hold PNG images rendered by Qt's SVG renderer; run it again after the SVG changes:
``QT_QPA_PLATFORM=offscreen python scripts/make_icons.py``.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS's PNG-bearing icon types: 16, 32, 64, 128, 256, 512 and 1024 pixels (with @2x twins).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)  # fmt: skip


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(renderer: QSvgRenderer) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(blob)) + blob
        for kind, size in ICNS_TYPES
        for blob in [png(renderer, size)]
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv)  # painting needs one, alive until the end
    app.setApplicationName("make_icons")
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot render {SVG}", file=sys.stderr)
        return 1
    out = ROOT / "packaging"
    (out / "qbconnector.ico").write_bytes(ico({size: png(renderer, size) for size in ICO_SIZES}))
    (out / "qbconnector.icns").write_bytes(icns(renderer))
    print(out / "qbconnector.ico", out / "qbconnector.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
