"""The GraphQL API: accountability questions over the governance graph, read-only."""
