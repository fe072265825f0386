// name: api/paths
// takes: $from, $to (body or person ids), $maxHops (1-6), $types (relationship types allowed on the
//   path), $offset, $first
// returns: total, paths (each [{id, type, from, to}] in order, shortest first), nodes, edges (the
//   snapshot of the areas of both ends)
// Paths follow edges in their stated direction: a person HOLDS a role that is MEMBER_OF a body that
// REPORTS_TO another. Six hops is a hard ceiling that keeps the expansion bounded.
MATCH (start:Entity {id: $from}), (end:Entity {id: $to})
OPTIONAL MATCH p = (start)-[rels*1..6]->(end)
WHERE length(p) <= $maxHops AND all(r IN rels WHERE type(r) IN $types)
WITH start, end, p ORDER BY length(p), [r IN relationships(p) | r.id]
WITH start, end, collect(CASE WHEN p IS NOT NULL THEN [r IN relationships(p) |
  {id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id}] END) AS found
WITH size(found) AS total, found[$offset..$offset + $first] AS paths,
     collect { UNWIND [start, end] AS n RETURN DISTINCT n.area } AS areas
// include: api/_snapshot
RETURN total, paths, nodes, edges
