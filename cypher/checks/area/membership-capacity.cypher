// name: checks/area/membership-capacity
// id: membership-capacity
// title: Each member sits on a body in one capacity, and observers are not full members
// severity: warning
// citation: the protocol's membership clauses ("is a member of", "is a 'participant observer' of")
// rationale: A member recorded in two capacities on one body (at the same time) leaves its vote and
//   voice unclear, and an observer counted as a full member changes who decides. Warned for two
//   capacities of one role, body or person, and for a person a register records as a full member of a
//   body on which the protocol makes the role they hold an observer. Inferred edges are not counted.
// unexamined: no membership (MEMBER_OF) is stated in this area's protocols or registers
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/membership-capacity, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per member
//   and body; one passed row per area with the number of memberships examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (body:Entity:Body {area: $area}) USING INDEX body:Entity(area)
    MATCH p1 = (member)-[e1:MEMBER_OF]->(body:Body), p2 = (member)-[e2:MEMBER_OF]->(body)
    WHERE e1.capacity < e2.capacity
      AND e1.inferred IS NULL AND e2.inferred IS NULL
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
    RETURN member, body, paths, 'failed' AS status, 'warning' AS severity,
      CASE WHEN member:Role THEN 'The ' ELSE '' END + member.name + ' is recorded on ' + body.name +
        ' in ' + toString(size(seats)) + ' capacities (' +
        reduce(s = '', x IN seats | s + CASE s WHEN '' THEN '' ELSE ', ' END + replace(x.capacity, '_', ' ') +
          coalesce(' in ' + split(x.clause, '/')[-1], ' on register line ' + toString(x.line))) + ')' +
        CASE WHEN observing <> [] AND full <> []
          THEN ': an observer is counted as a full member' ELSE '' END AS message
    UNION ALL
    MATCH (body:Entity:Body {area: $area}) USING INDEX body:Entity(area)
    MATCH p = (body:Body)<-[seat:MEMBER_OF]-(post:Role)<-[held:HOLDS]-(person:Person)-[full:MEMBER_OF]->(body)
    WHERE all(r IN relationships(p) WHERE r.inferred IS NULL)
      AND seat.capacity IN ['observer', 'participant_observer']
      AND NOT full.capacity IN ['observer', 'participant_observer']
      AND (held.start IS NULL OR full.end IS NULL OR held.start <= full.end)
      AND (full.start IS NULL OR held.end IS NULL OR full.start <= held.end)
    RETURN person AS member, body, [p] AS paths, 'failed' AS status, 'warning' AS severity,
      person.name + ', who holds the post of ' + post.name + ', is recorded as a ' +
        replace(full.capacity, '_', ' ') + ' of ' + body.name + ', where the protocol makes the post a ' +
        replace(seat.capacity, '_', ' ') + ': an observer is counted as a full member' AS message
    UNION ALL
    MATCH (body:Entity:Body {area: $area}) USING INDEX body:Entity(area)
    MATCH (:Entity)-[e:MEMBER_OF]->(body:Body)
    WHERE e.inferred IS NULL
    WITH body.area AS area, count(e) AS seats, head(collect(body)) AS body
    RETURN null AS member, body, [] AS paths, 'passed' AS status, 'info' AS severity,
      toString(seats) + ' memberships were examined for their capacities' AS message
  }
  CALL (paths) {
    UNWIND paths AS q
    UNWIND relationships(q) AS r
    MATCH (c:Clause {id: r.clause})-[:PART_OF]->(doc:Protocol)
    RETURN collect(c {.id, .ref, .number, .line, quote: r.quote, protocol: doc.id,
      source_file: doc.source_file, source_path: doc.source_path}) AS clauses
  }
  RETURN
    'membership-capacity' AS rule,
    severity,
    body.area AS area,
    status,
    message,
    [s IN CASE status WHEN 'passed' THEN [] ELSE [member, body] END |
      s {.id, name: coalesce(s.name, s.id), label: [l IN labels(s) WHERE l <> 'Entity'][0]}] AS subjects,
    [q IN paths | {
      nodes: [n IN nodes(q) | n {.id, name: coalesce(n.name, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
      edges: [r IN relationships(q) | r {.id, .clause, .quote, .source, .line, type: type(r),
        start: startNode(r).id, end: endNode(r).id}]
    }] AS path,
    clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
