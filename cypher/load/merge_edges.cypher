// name: load/merge_edges
// takes: $rows — [{id, type, from, to, props}], type from graph.model (validated before it gets here)
// returns: missing — how many rows named an end that does not exist (0 unless the loader has a bug)
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
  SET r += row.props
}
RETURN count(CASE WHEN a IS NULL OR b IS NULL THEN 1 END) AS missing
