"""Exports: PDF minutes (reportlab) and pictures (matplotlib Agg/SVG). No Qt.

Modules here import reportlab and matplotlib inside functions, so importing
the package costs nothing at start-up.
"""
