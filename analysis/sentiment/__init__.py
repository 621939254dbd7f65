"""Sentiment: VADER and its news variant, actors, tone tables, findings and plots."""
