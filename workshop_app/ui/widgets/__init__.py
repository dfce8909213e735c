"""Widgets shared by several phase pages."""
