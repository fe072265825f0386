// name: load/lock_documents
// takes: $sources — ids of the documents (protocols or registers) one write transaction is about to write, sorted
// returns: source — one row per document already in the database, now locked until the transaction ends
// Two loads rewriting the same document at once would otherwise interleave their deletes and writes: they
// deadlock, or one matches a node the other has just deleted (EntityNotFound, which Neo4j does not call
// transient, so nothing retries it). Writing a property takes the node's exclusive lock, held to the end of
// the transaction, so the second load waits for the first and then rewrites what it committed; the sorted
// order means no two loads take the same locks in a different order. The rows say which documents to
// delete before the rewrite, read under the lock rather than before the transaction.
UNWIND $sources AS source
MATCH (document:Entity {id: source})
WHERE document:Protocol OR document:Register
SET document._lock = true
REMOVE document._lock
RETURN source
