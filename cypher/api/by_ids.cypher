// name: api/by_ids
// takes: $ids — entity ids (a body, a person, a protocol, or two bodies for shared members)
// returns: found (the ids that exist), nodes, edges (the snapshot of their areas)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS roots
WITH [n IN roots | n.id] AS found, collect {
  UNWIND roots AS n
  RETURN DISTINCT coalesce(n.area, n.id)
} AS areas
// include: api/_snapshot
RETURN found, nodes, edges
