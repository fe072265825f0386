// name: bench/graph_counts
// takes: nothing
// returns: nodes, edges — everything in the database, so the benchmark can report what a loader wrote
CALL () {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS edges
}
RETURN nodes, edges
