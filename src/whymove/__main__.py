"""``python -m whymove``."""

from whymove.cli import main

main()
