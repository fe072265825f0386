// name: checks/membership-capacity
// id: membership-capacity
// title: Each member sits on a body in one capacity, and observers are not full members
// severity: warning
// citation: the protocol's membership clauses ("is a member of", "is a 'participant observer' of")
// rationale: A member recorded in two capacities on one body (at the same time) leaves its vote and
//   voice unclear, and an observer counted as a full member changes who decides. Warned for two
//   capacities of one role, body or person, and for a person a register records as a full member of a
//   body on which the protocol makes the role they hold an observer.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per member and body
CALL () {
  MATCH p1 = (member)-[e1:MEMBER_OF]->(body:Body), p2 = (member)-[e2:MEMBER_OF]->(body)
  WHERE ($area IS NULL OR body.area = $area) AND e1.capacity < e2.capacity
    AND (e1.start IS NULL OR e2.end IS NULL OR e1.start <= e2.end)
    AND (e2.start IS NULL OR e1.end IS NULL OR e2.start <= e1.end)
  // each seat once, however many others it pairs with
  UNWIND [p1, p2] AS seat
  WITH DISTINCT member, body, seat
  ORDER BY relationships(seat)[0].clause, relationships(seat)[0].line
  WITH member, body, collect(seat) AS paths
  WITH member, body, paths, [q IN paths | relationships(q)[0]] AS seats
  WITH member, body, paths, seats,
    [x IN seats WHERE x.capacity IN ['observer', 'participant_observer']] AS observing,
    [x IN seats WHERE NOT x.capacity IN ['observer', 'participant_observer']] AS full
  RETURN member, body, paths,
    CASE WHEN member:Role THEN 'The ' ELSE '' END + member.name + ' is recorded on ' + body.name +
      ' in ' + toString(size(seats)) + ' capacities (' +
      reduce(s = '', x IN seats | s + CASE s WHEN '' THEN '' ELSE ', ' END + replace(x.capacity, '_', ' ') +
        coalesce(' in ' + split(x.clause, '/')[-1], ' on register line ' + toString(x.line))) + ')' +
      CASE WHEN observing <> [] AND full <> []
        THEN ': an observer is counted as a full member' ELSE '' END AS message
  UNION ALL
  MATCH p = (body:Body)<-[seat:MEMBER_OF]-(post:Role)<-[held:HOLDS]-(person:Person)-[full:MEMBER_OF]->(body)
  WHERE ($area IS NULL OR body.area = $area)
    AND seat.capacity IN ['observer', 'participant_observer']
    AND NOT full.capacity IN ['observer', 'participant_observer']
    AND (held.start IS NULL OR full.end IS NULL OR held.start <= full.end)
    AND (full.start IS NULL OR held.end IS NULL OR full.start <= held.end)
  RETURN person AS member, body, [p] AS paths,
    person.name + ', who holds the post of ' + post.name + ', is recorded as a ' +
      replace(full.capacity, '_', ' ') + ' of ' + body.name + ', where the protocol makes the post a ' +
      replace(seat.capacity, '_', ' ') + ': an observer is counted as a full member' AS message
}
CALL (paths) {
  UNWIND paths AS q
  UNWIND relationships(q) AS r
  MATCH (c:Clause {id: r.clause})-[:PART_OF]->(doc:Protocol)
  RETURN collect({clause: c, protocol: doc, quote: r.quote}) AS clauses
}
RETURN
  'membership-capacity' AS rule,
  'warning' AS severity,
  body.area AS area,
  message,
  [member, body] AS subjects,
  paths AS path,
  clauses
