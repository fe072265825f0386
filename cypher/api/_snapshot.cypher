// name: api/_snapshot
// takes: areas — a list of area ids already in scope (a fragment, included by the api/ root statements)
// returns: adds nodes and edges to scope: every node of those areas (with the Area nodes and the
//   legislation their clauses cite) as {id, labels, props}, every edge between them as
//   {id, type, from, to, props}
CALL (areas) {
  CALL (areas) {
    UNWIND areas AS area
    MATCH (n:Entity {area: area})
    RETURN n
    UNION
    UNWIND areas AS area
    MATCH (n:Area {id: area})
    RETURN n
  }
  WITH collect(n) AS local
  CALL (local) {
    UNWIND local AS n
    MATCH (n)-[r]->(m:Entity)
    WHERE NOT m:Area
    RETURN collect({id: r.id, type: type(r), from: n.id, to: m.id, props: properties(r)}) AS edges,
           collect(DISTINCT CASE WHEN m:Legislation THEN m END) AS laws
  }
  RETURN [n IN local + laws | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes, edges
}
