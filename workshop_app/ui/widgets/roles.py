"""What a page asks of the widget that has the focus, declared instead of looked up by name.

Edit ▸ Delete and "commit before undo, save or switching" reach the focused
widget or one of its parents; a widget takes part by being one of these.
"""

from __future__ import annotations


class Committable:
    """A field editor with typing that may not be committed yet."""

    def commit_edit(self) -> None:
        raise NotImplementedError


class Deletable:
    """A list that deletes its selected entry (through the undo stack)."""

    def delete_selected(self) -> bool:
        raise NotImplementedError
