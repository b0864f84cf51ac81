"""Qt widgets, windows and workers (the only package besides app.py that imports PySide6)."""
