"""govgraph: the command line that composes the graph layer, the loaders and the servers."""
