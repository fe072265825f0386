// name: load/delete_document_content
// takes: $source — a document id (protocol or register)
// returns: previously — ids of the shared nodes (bodies, roles, people, legislation) it defined
// Removes everything the document wrote last time, so a reload leaves nothing stale: its own nodes
// (clauses, duties, declarations) and every edge it drew on the shared nodes. Shared nodes stay; they
// are pruned after the rewrite if nothing defines them any more.
OPTIONAL MATCH (:Entity {id: $source})-[:DEFINES]->(shared:Entity)
WITH collect(DISTINCT shared) AS defined
CALL (defined) {
  UNWIND defined AS node
  MATCH (node)-[r]-()
  WHERE r.source = $source
  WITH DISTINCT r
  DELETE r
}
CALL () {
  MATCH (own:Entity {source: $source})
  DETACH DELETE own
}
RETURN [node IN defined | node.id] AS previously
