"""Run as `python -m dragoman`."""

from .cli import main

main()
