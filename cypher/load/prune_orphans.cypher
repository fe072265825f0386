// name: load/prune_orphans
// takes: $ids — shared node ids a document defined before its rewrite
// returns: pruned — how many of them no document defines and nothing else refers to any more
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT EXISTS { (n)<-[:DEFINES]-() }
  AND NOT EXISTS { (n)-[r]-() WHERE type(r) <> 'IN_AREA' }
DETACH DELETE n
RETURN count(*) AS pruned
