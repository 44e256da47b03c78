"""CLI command groups, one module per capability; each exposes ``register(main)``."""
