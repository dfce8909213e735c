"""What the room sees: presentation mode, the audience window, its phase views and painted widgets, what is revealed, the followed selection and dot voting. It imports no editor page."""
