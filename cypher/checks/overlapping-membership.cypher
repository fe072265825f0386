// name: checks/overlapping-membership
// id: overlapping-membership
// title: Who sits on both a scrutinising and a scrutinised body
// severity: info
// citation: the protocol's scrutiny lines (SCRUTINISES) and membership clauses
// rationale: Shared members carry information between boards, which protocols often want ("This will
//   ensure clear lines of communication"), but they also sit on both sides of the scrutiny. Listed for
//   validators to weigh, never failed. Counts members and chairs, roles, bodies and registered people;
//   a register's dates must overlap.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per member and pair of
//   bodies (a pair that scrutinise each other is one pair)
MATCH (scrutiniser:Body)-[:SCRUTINISES]->(scrutinised:Body)
WHERE ($area IS NULL OR scrutiniser.area = $area) AND scrutiniser <> scrutinised
WITH DISTINCT scrutiniser, scrutinised,
  EXISTS { (scrutinised)-[:SCRUTINISES]->(scrutiniser) } AS mutual
WHERE NOT (mutual AND scrutiniser.id > scrutinised.id)
MATCH seat1 = (member)-[e1:MEMBER_OF|CHAIRS]->(scrutiniser)
MATCH seat2 = (member)-[e2:MEMBER_OF|CHAIRS]->(scrutinised)
WHERE (e1.start IS NULL OR e2.end IS NULL OR e1.start <= e2.end)
  AND (e2.start IS NULL OR e1.end IS NULL OR e2.start <= e1.end)
WITH scrutiniser, scrutinised, mutual, member, seat1, seat2 ORDER BY e1.clause, e1.line, e2.clause, e2.line
WITH scrutiniser, scrutinised, mutual, member, collect(DISTINCT seat1) + collect(DISTINCT seat2) AS seats
CALL (scrutiniser, scrutinised) {
  MATCH q = (scrutiniser)-[s:SCRUTINISES]->(scrutinised)
  RETURN q AS scrutiny
  ORDER BY s.clause
  LIMIT 1
}
WITH scrutiniser, scrutinised, mutual, member, [scrutiny] + seats AS paths
CALL (paths) {
  UNWIND paths AS q
  UNWIND relationships(q) AS r
  MATCH (c:Clause {id: r.clause})-[:PART_OF]->(doc:Protocol)
  RETURN collect(DISTINCT {clause: c, protocol: doc, quote: r.quote}) AS clauses
}
RETURN
  'overlapping-membership' AS rule,
  'info' AS severity,
  scrutiniser.area AS area,
  CASE WHEN member:Role THEN 'The ' ELSE '' END + member.name + ' sits on both ' + scrutiniser.name +
    ' and ' + scrutinised.name +
    CASE
      WHEN mutual THEN ', which scrutinise each other'
      ELSE ', which ' + scrutiniser.name + ' scrutinises'
    END
    AS message,
  [member, scrutiniser, scrutinised] AS subjects,
  paths AS path,
  clauses
