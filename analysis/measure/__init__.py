"""Measure: the per-document step (clean, split, every per-sentence measure), engines and cache."""
