# govgraph as a container: the CLI and loaders, pointed at the Neo4j service by GOVGRAPH_NEO4J_URI.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY govgraph ./govgraph
COPY graph ./graph
COPY loaders ./loaders
COPY cypher ./cypher
COPY examples ./examples
RUN pip install --no-cache-dir . && useradd --create-home govgraph
USER govgraph
ENV GOVGRAPH_BUNDLED=/app/examples/protocols
# Load the bundled protocols into the Neo4j service; later issues turn this into `govgraph serve`.
CMD ["govgraph", "up"]
