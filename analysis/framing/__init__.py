"""Framing: codebook frames, keyness, sourcing, hedging; their tables, findings and plots."""
