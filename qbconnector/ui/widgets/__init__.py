"""Reusable widgets: toggle switch, flow layout, description chip editor."""
