"""Benchmarks: how fast govgraph writes, measured against a throwaway Neo4j, never against a user's data.

Benchmarks are not tests: they print figures for a human to compare and assert nothing about speed.
"""
