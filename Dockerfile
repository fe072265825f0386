# govgraph as a container: the CLI and loaders, pointed at the Neo4j service by GOVGRAPH_NEO4J_URI.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY govgraph ./govgraph
COPY graph ./graph
COPY loaders ./loaders
COPY cypher ./cypher
COPY api ./api
COPY frontend ./frontend
COPY examples ./examples
COPY scripts ./scripts
RUN apt-get update && apt-get install -y --no-install-recommends npm openssl && scripts/fetch-ide-assets \
    && pip install --no-cache-dir . && useradd --create-home govgraph && rm -rf /var/lib/apt/lists/*
USER govgraph
# Serve the GraphQL API against the Neo4j service (GOVGRAPH_NEO4J_URI); load protocols with `govgraph load`.
EXPOSE 8000
CMD ["govgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
