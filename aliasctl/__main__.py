"""Run the command line as ``python -m aliasctl``."""

from .cli import main

main()
