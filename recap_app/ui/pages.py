"""The pages of the main window (tabs), each a thin face over one core module."""

from __future__ import annotations


def page_factories(window):
    """[(key, title, factory)] for the pages after the editor."""
    return []
