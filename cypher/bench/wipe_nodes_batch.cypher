// name: bench/wipe_nodes_batch
// takes: $batch — how many nodes to delete
// returns: deleted — how many were deleted (0 when none are left)
// The nodes' half of the benchmark's bounded wipe, after bench/wipe_edges_batch has removed the edges.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
