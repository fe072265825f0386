// name: load/edges/CHAIRS
// takes: $rows — [{id, from, to, props}], the CHAIRS edges of one or more documents
// returns: missing — how many rows named an end that does not exist (0 unless the loader has a bug)
// One statement per type (see loaders/batch.py EDGE_TYPES): with the type written here rather than taken
// from a parameter, Neo4j plans a direct expand between the two ends instead of a scan of every edge.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:CHAIRS {id: row.id}]->(b)
  SET r += row.props
}
RETURN count(CASE WHEN a IS NULL OR b IS NULL THEN 1 END) AS missing
