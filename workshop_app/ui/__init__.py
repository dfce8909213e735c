"""The Qt layer of Tandem: the only package that imports PySide6 (DESIGN §4)."""
