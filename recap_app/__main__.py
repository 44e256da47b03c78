"""`python -m recap_app` and the frozen program's entry point."""

from recap_app.cli import main

if __name__ == "__main__":
    main()
