"""The `a11y` command: one module per command group; `main` is the entry point."""

from a11y_service.cli.main import main

__all__ = ["main"]
