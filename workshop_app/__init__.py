"""Tandem: a facilitator's desktop app for joint Marketing and Sales workshops."""

__version__ = "0.1.0"
