"""Errors the graph layer raises for conditions a user can act on (shown as a message, never a traceback)."""


class GraphError(Exception):
    """Base of every error a command reports as a plain message."""


class ServerError(GraphError):
    """The local Neo4j could not be prepared, started, reached or stopped."""


class ConnectionFailed(GraphError):
    """The configured Neo4j does not answer, or refuses our credentials."""
