// name: bench/wipe_edges
// takes: nothing
// returns: nothing
// Deletes every relationship, 10,000 per transaction, before bench/wipe deletes the nodes: a node with
// thousands of edges (a Legislation node every area cites) would otherwise be detached in one
// transaction, which the 512m heap cannot hold at 1,500 areas. Auto-commit only (session.run).
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
