// name: checks/area/overlapping-membership
// id: overlapping-membership
// title: Who sits on both a scrutinising and a scrutinised body
// severity: info
// citation: the protocol's scrutiny lines (SCRUTINISES) and membership clauses
// rationale: Shared members carry information between boards, which protocols often want ("This will
//   ensure clear lines of communication"), but they also sit on both sides of the scrutiny. Listed for
//   validators to weigh, never failed. Counts members and chairs, roles, bodies and registered people;
//   a register's dates must overlap. Inferred edges are not counted.
// unexamined: no body is stated to scrutinise another in this area's protocols
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/overlapping-membership, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one row per member and pair
//   of bodies (a pair that scrutinise each other is one pair); one passed row per area with the number
//   of scrutiny lines examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (scrutiniser:Entity:Body {area: $area}) USING INDEX scrutiniser:Entity(area)
    MATCH (scrutiniser:Body)-[s0:SCRUTINISES]->(scrutinised:Body)
    WHERE scrutiniser <> scrutinised AND s0.inferred IS NULL
    WITH DISTINCT scrutiniser, scrutinised,
      EXISTS { (scrutinised)-[s:SCRUTINISES]->(scrutiniser) WHERE s.inferred IS NULL } AS mutual
    WHERE NOT (mutual AND scrutiniser.id > scrutinised.id)
    MATCH seat1 = (member)-[e1:MEMBER_OF|CHAIRS]->(scrutiniser)
    MATCH seat2 = (member)-[e2:MEMBER_OF|CHAIRS]->(scrutinised)
    WHERE e1.inferred IS NULL AND e2.inferred IS NULL
      AND (e1.start IS NULL OR e2.end IS NULL OR e1.start <= e2.end)
      AND (e2.start IS NULL OR e1.end IS NULL OR e2.start <= e1.end)
    WITH scrutiniser, scrutinised, mutual, member, seat1, seat2 ORDER BY e1.clause, e1.line, e2.clause, e2.line
    WITH scrutiniser, scrutinised, mutual, member, collect(DISTINCT seat1) + collect(DISTINCT seat2) AS seats
    CALL (scrutiniser, scrutinised) {
      MATCH q = (scrutiniser)-[s:SCRUTINISES]->(scrutinised)
      WHERE s.inferred IS NULL
      RETURN q AS scrutiny
      ORDER BY s.clause
      LIMIT 1
    }
    WITH scrutiniser, scrutinised, mutual, member, [scrutiny] + seats AS paths
    CALL (paths) {
      UNWIND paths AS q
      UNWIND relationships(q) AS r
      MATCH (c:Clause {id: r.clause})-[:PART_OF]->(doc:Protocol)
      WITH DISTINCT c, doc, r.quote AS quote
      RETURN collect(c {.id, .ref, .number, .line, quote: quote, protocol: doc.id,
        source_file: doc.source_file, source_path: doc.source_path}) AS clauses
    }
    RETURN
      scrutiniser.area AS area,
      'failed' AS status,
      CASE WHEN member:Role THEN 'The ' ELSE '' END + member.name + ' sits on both ' + scrutiniser.name +
        ' and ' + scrutinised.name +
        CASE
          WHEN mutual THEN ', which scrutinise each other'
          ELSE ', which ' + scrutiniser.name + ' scrutinises'
        END
        AS message,
      [x IN [member, scrutiniser, scrutinised] | x {.id, name: coalesce(x.name, x.id),
        label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS subjects,
      [q IN paths | {
        nodes: [n IN nodes(q) | n {.id, name: coalesce(n.name, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
        edges: [r IN relationships(q) | r {.id, .clause, .quote, .source, .line, type: type(r),
          start: startNode(r).id, end: endNode(r).id}]
      }] AS path,
      clauses
    UNION ALL
    MATCH (scrutiniser:Entity:Body {area: $area}) USING INDEX scrutiniser:Entity(area)
    MATCH (scrutiniser:Body)-[s:SCRUTINISES]->(scrutinised:Body)
    WHERE scrutiniser <> scrutinised AND s.inferred IS NULL
    WITH scrutiniser.area AS area, count(DISTINCT [scrutiniser.id, scrutinised.id]) AS lines
    RETURN
      area,
      'passed' AS status,
      toString(lines) + CASE lines WHEN 1 THEN ' scrutiny line was' ELSE ' scrutiny lines were' END +
        ' examined for members on both sides' AS message,
      [] AS subjects,
      [] AS path,
      [] AS clauses
  }
  RETURN 'overlapping-membership' AS rule, 'info' AS severity, area, status, message, subjects, path, clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
