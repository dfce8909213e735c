"""Kept for callers inside the store; the implementation is the leaf module ``workshop_app.atomic``."""

from workshop_app.atomic import atomic_write_bytes

__all__ = ["atomic_write_bytes"]
