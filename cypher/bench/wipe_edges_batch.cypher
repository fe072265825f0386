// name: bench/wipe_edges_batch
// takes: $batch — how many relationships to delete
// returns: deleted — how many were deleted (0 when none are left)
// One bounded transaction of the benchmark's wipe: called until it deletes nothing, so no transaction
// outgrows the 512m heap or the transaction timeout, whatever the graph's size (1,500 areas: 294k edges).
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
