"""The graph layer: Neo4j settings, the local server, the connection, the schema and the model vocabulary.

It knows nothing of loaders, the API or the front end; they all stand on it.
"""
