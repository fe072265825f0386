// name: load/delete_documents
// takes: $sources — ids of documents (protocols or registers) about to be rewritten, all in the database
// returns: source, previously — per document, the ids of the shared nodes (bodies, roles, people,
//   legislation) it defined, for load/prune_orphans once the rewrite is done
// Removes everything each document wrote last time, so a reload leaves nothing stale: its own nodes
// (clauses, duties, declarations) and every edge it drew on shared nodes. Edges are found from the
// document's node and the non-legislation nodes it defines (every edge it draws touches one of them, or
// one of its own nodes), so the cost never grows with the many documents citing the same legislation.
UNWIND $sources AS source
MATCH (document:Entity {id: source})
CALL (document) {
  OPTIONAL MATCH (document)-[:DEFINES]->(shared:Entity)
  RETURN collect(DISTINCT shared) AS defined
}
CALL (document, source, defined) {
  UNWIND [document] + [node IN defined WHERE NOT node:Legislation] AS node
  MATCH (node)-[r]-()
  WHERE r.source = source
  WITH DISTINCT r
  DELETE r
}
CALL (source) {
  MATCH (own:Entity {source: source})
  DETACH DELETE own
}
RETURN source, [node IN defined | node.id] AS previously
