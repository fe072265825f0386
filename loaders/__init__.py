"""Loaders: documents (protocol YAML, membership CSV) validated and written into the graph."""
