"""The Room link in the window: joining, the screening queue, voting rounds, and the join banner on the wall.

The server (``workshop_app.room``) never touches the document; what arrives
from phones reaches it here, on the UI thread, as undoable commands
(:mod:`workshop_app.ui.room.edits`). Nothing of this package is imported at
start-up: the menu entry imports it when the facilitator first asks for it.
"""
