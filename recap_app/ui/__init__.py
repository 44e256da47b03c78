"""The desktop program (PySide6): the only package of recap_app that imports Qt."""
