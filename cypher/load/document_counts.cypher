// name: load/document_counts
// takes: $source — a document id (protocol or register)
// returns: kind, count — the nodes the document owns or defines, by label, and its edges, by type
// Used by the tests only, to check the loader's own count (loaders/writer.counts_of): this reads every
// edge of shared nodes, legislation included, so it grows with the graph.
CALL () {
  MATCH (n:Entity {source: $source})
  RETURN n
  UNION
  MATCH (:Entity {id: $source})-[:DEFINES]->(n:Entity)
  RETURN n
}
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  UNWIND [label IN labels(n) WHERE label <> 'Entity'] AS kind
  RETURN kind, count(*) AS count
  UNION ALL
  UNWIND nodes AS n
  MATCH (n)-[r]-()
  WHERE r.source = $source
  WITH DISTINCT r
  RETURN type(r) AS kind, count(*) AS count
}
RETURN kind, count
ORDER BY kind
