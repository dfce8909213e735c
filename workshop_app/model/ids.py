"""Stable string ids for everything in a workshop document."""

import uuid


def new_id(prefix: str) -> str:
    """Return a fresh id such as ``goal-3f9a1c2e``; the prefix only aids reading."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
