"""`python -m a11y_service.cli` runs the `a11y` command."""

from a11y_service.cli.main import main

main()
