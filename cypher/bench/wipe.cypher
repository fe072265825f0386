// name: bench/wipe
// takes: nothing
// returns: nothing
// Deletes every node and relationship of the database (constraints and indexes stay), in batches so a
// big graph never needs one huge transaction (bench/wipe_edges runs first). CALL ... IN TRANSACTIONS runs only in an implicit
// (auto-commit) transaction: send it with session.run, not execute_write. Only for the benchmark's server.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
