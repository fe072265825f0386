"""Every Cypher statement of govgraph, one per .cypher file, loaded by name through graph.queries."""
