"""`python -m bot` is the same as `a6bot`."""

from bot.cli import main

main()
