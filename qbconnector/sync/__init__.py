"""Planner, engine and automatic sync loop."""
