// name: bench/wipe_edges
// takes: nothing
// returns: nothing
// Deletes every relationship of the database in batches, before bench/wipe deletes the nodes: deleting
// nodes with all their edges at once overflows the 512m heap's transaction memory at 1,500 areas (the
// legislation nodes have an edge from every protocol). Auto-commit only (session.run). Benchmarks only.
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
