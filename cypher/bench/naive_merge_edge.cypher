// name: bench/naive_merge_edge
// takes: $id, $type, $from, $to, $props — one edge row of a GraphBatch ({id, type, from, to, props})
// returns: nothing; writes nothing if an end is missing (the benchmark compares the graph's counts)
// The benchmark's naive baseline: one edge per statement, each its own auto-commit round trip. It writes
// what load/edges/<TYPE> writes for the same row, so only the batching differs.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MERGE (a)-[r:$($type) {id: $id}]->(b)
SET r += $props
