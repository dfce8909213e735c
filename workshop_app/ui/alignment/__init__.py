"""The alignment check in the UI: the entry grid, the results view and their window.

Imported when the facilitator first opens the check (it brings matplotlib's
Qt canvas), never at start-up.
"""

from workshop_app.ui.alignment.window import AlignmentWindow

__all__ = ["AlignmentWindow"]
