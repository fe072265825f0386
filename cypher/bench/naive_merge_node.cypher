// name: bench/naive_merge_node
// takes: $id, $label, $props — one node row of a GraphBatch ({id, label, props})
// returns: nothing
// The benchmark's naive baseline: one node per statement, each its own auto-commit round trip. It writes
// what load/merge_nodes writes for the same row, so only the batching differs.
MERGE (n:Entity {id: $id})
SET n:$($label)
SET n += $props
