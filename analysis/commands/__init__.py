"""Subcommands of ``python -m analysis``."""
