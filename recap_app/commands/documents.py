"""CLI commands: documents (a thin layer over recap_app.core)."""


def register(main):
    """Attach this module's commands to the `recap` group."""
