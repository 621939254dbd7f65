"""Benchmarks: ``python -m analysis bench NAME``."""
