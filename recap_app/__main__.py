"""`python -m recap_app`, the `recap` command and the frozen program's entry point."""

import sys


def run() -> None:
    """The command line (:func:`recap_app.cli.main`). A Ctrl+C while the program is still loading
    ends as one during a command does: "Dibatalkan." and exit status 1, without a traceback (a
    command's own Ctrl+C is click's, or the command's: an import finishes the file it stores)."""
    try:
        from recap_app.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nDibatalkan.\n")
        sys.exit(1)
    main()


if __name__ == "__main__":
    run()
