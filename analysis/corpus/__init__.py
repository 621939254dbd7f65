"""Corpus: reading folders and files, encoding repair, cleaning and its rules, sentences, tables."""
