// name: checks/independent-chair
// id: independent-chair
// title: The chair of an independent body holds no executive role in a body it scrutinises
// severity: error
// citation: the protocol's declaration that a body is independent ("an independent partnership,
//   neither subordinate to nor a subgroup of any other local body")
// rationale: A body's independence rests on its chair. A chair who is also an officer (a post of, or the
//   chair of) a body the independent body scrutinises, challenges, oversees or holds to account would
//   scrutinise their own work. Checked for chairing roles, and for people a membership register records
//   as chair (directly or through a role they hold).
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per chair, independent body
//   and scrutinised body
MATCH (d:Declaration {kind: 'independent'})-[:CONCERNS]->(ind:Body)
WHERE $area IS NULL OR d.area = $area
MATCH p = (ind)<-[:CHAIRS]-(seat)<-[:HOLDS]-{0,1}(chair)-[:HOLDS]->{0,1}(post)-[:ROLE_IN|CHAIRS]->(other:Body)
    <-[:SCRUTINISES|CHALLENGES|OVERSEES|HOLDS_TO_ACCOUNT]-(ind)
WHERE other <> ind
  AND (chair:Role OR chair:Person)
  // a person holding the chairing role is the role's finding, not a second one
  AND NOT (chair:Person AND post:Role AND EXISTS { (post)-[:CHAIRS]->(ind) })
  // a register's dates: the person chairs and holds the post at the same time
  AND all(x IN relationships(p) WHERE x.line IS NULL OR all(y IN relationships(p) WHERE y.line IS NULL
      OR x.start IS NULL OR y.end IS NULL OR x.start <= y.end))
WITH d, ind, chair, other, p
ORDER BY length(p)
WITH d, ind, chair, other, collect(p)[0] AS p
CALL (d, p) {
  UNWIND [{id: d.clause, quote: d.quote}] + [r IN relationships(p) | {id: r.clause, quote: r.quote}] AS cited
  MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
  RETURN collect(DISTINCT {clause: c, protocol: doc, quote: cited.quote}) AS clauses
}
RETURN
  'independent-chair' AS rule,
  'error' AS severity,
  d.area AS area,
  CASE WHEN chair:Role THEN 'The ' ELSE '' END + chair.name + ', who chairs ' + ind.name +
    ', holds an executive role in ' + other.name + ', which ' + ind.name + ' scrutinises' AS message,
  [ind, chair, other] AS subjects,
  p AS path,
  clauses
