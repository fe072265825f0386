// name: checks/no-direction-power
// id: no-direction-power
// title: No party has a power to direct another where the protocol says none has
// severity: error
// citation: the protocol's declaration that none of the parties "has the power to direct other
//   organisations"
// rationale: Partners who cannot direct each other must rely on challenge and agreement; a recorded
//   power to direct (a DIRECTS edge, from the body or from a post of it) contradicts the protocol that
//   binds them.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per power to direct
MATCH (d:Declaration {kind: 'no_direction_power'})-[:CONCERNS]->(party)
WHERE $area IS NULL OR d.area = $area
MATCH p = (party)<-[:ROLE_IN]-{0,1}(director)-[:DIRECTS]->(directed)
WHERE directed <> party
  // a body directing its own subgroups or posts directs no other organisation
  AND NOT EXISTS { (directed)-[:SUBGROUP_OF|ROLE_IN]->+(party) }
CALL (d, p) {
  UNWIND [{id: d.clause, quote: d.quote}] + [r IN relationships(p) | {id: r.clause, quote: r.quote}] AS cited
  MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
  RETURN collect({clause: c, protocol: doc, quote: cited.quote}) AS clauses
}
RETURN
  'no-direction-power' AS rule,
  'error' AS severity,
  d.area AS area,
  CASE director WHEN party THEN party.name ELSE 'The ' + director.name + ' of ' + party.name END +
    ' may direct ' + directed.name + ', though the protocol says ' + party.name +
    ' has no power to direct other organisations' AS message,
  [party, directed] AS subjects,
  p AS path,
  clauses
