// name: checks/area/chairs-separate
// id: chairs-separate
// title: Bodies that must have different chairs are chaired by different people
// severity: error
// citation: the protocol's declaration that bodies are "chaired by different people"
// rationale: One chair for two bodies lets one of them mark its own homework. An error when one role
//   chairs two of the bodies, or when one person chairs two of them at the same time (directly, as a
//   membership register records, or through a role the person holds, with overlapping dates). It is
//   about people, so it passes only when the people who chair the bodies are recorded: a body whose
//   chair is not recorded, or whose chairing role no recorded person holds, is unverified (a warning,
//   never a pass). Inferred edges are not counted.
// unexamined: no protocol of this area declares bodies that must be chaired by different people
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/chairs-separate, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per clash,
//   one unverified row per body whose chair (or chairing person) is not recorded, one passed row per
//   declaration whose bodies all have recorded chairing people. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  MATCH (d:Entity:Declaration {area: $area}) USING INDEX d:Entity(area)
  MATCH (d:Declaration {kind: 'separate_chairs'})
  CALL (d) {
    MATCH (d)-[:CONCERNS]->(b1:Body), (d)-[:CONCERNS]->(b2:Body)
    WHERE b1.id < b2.id
    MATCH p = (b1)<-[c1:CHAIRS]-(chair:Role)-[c2:CHAIRS]->(b2)
    WHERE c1.inferred IS NULL AND c2.inferred IS NULL
    RETURN
      'error' AS severity,
      'failed' AS status,
      'The ' + chair.name + ' chairs both ' + b1.name + ' and ' + b2.name AS message,
      [b1, b2, chair] AS subjects,
      [p] AS paths
    UNION ALL
    MATCH (d)-[:CONCERNS]->(b1:Body), (d)-[:CONCERNS]->(b2:Body)
    WHERE b1.id < b2.id
    MATCH leg1 = (person:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b1)
    MATCH leg2 = (person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b2)
    WITH d, b1, b2, person, leg1, leg2, relationships(leg1)[0] AS s1, relationships(leg2)[0] AS s2
    WHERE all(r IN relationships(leg1) + relationships(leg2) WHERE r.inferred IS NULL)
      // at the same time: open-ended dates overlap everything
      AND (s1.start IS NULL OR s2.end IS NULL OR s1.start <= s2.end)
      AND (s2.start IS NULL OR s1.end IS NULL OR s2.start <= s1.end)
      // one role chairing both is the role-level clash above
      AND NOT (length(leg1) = 2 AND length(leg2) = 2 AND nodes(leg1)[1] = nodes(leg2)[1])
    WITH d, b1, b2, person, leg1, leg2
    ORDER BY length(leg1) + length(leg2)
    WITH b1, b2, person, collect([leg1, leg2])[0] AS legs
    RETURN
      'error' AS severity,
      'failed' AS status,
      person.name + ' chairs both ' + b1.name + ' and ' + b2.name AS message,
      [b1, b2, person] AS subjects,
      legs AS paths
    UNION ALL
    MATCH (d)-[:CONCERNS]->(b:Body)
    WHERE NOT EXISTS { ()-[c:CHAIRS]->(b) WHERE c.inferred IS NULL }
    RETURN
      'warning' AS severity,
      'unverified' AS status,
      'Unverified: no chair of ' + b.name + ' is recorded, so it cannot be checked that its chair is not ' +
        'also the chair of ' + reduce(s = '', o IN COLLECT {
          MATCH (d)-[:CONCERNS]->(o:Body) WHERE o <> b RETURN o.name ORDER BY o.name
        } | s + CASE s WHEN '' THEN '' ELSE ' or ' END + o) AS message,
      [b] AS subjects,
      [] AS paths
    UNION ALL
    // chaired by a role, but nobody is recorded as holding it (nor as chairing the body directly)
    MATCH (d)-[:CONCERNS]->(b:Body)
    WHERE NOT EXISTS {
      MATCH q = (:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b)
      WHERE all(r IN relationships(q) WHERE r.inferred IS NULL)
    }
    MATCH p = (chair:Role)-[c:CHAIRS]->(b)
    WHERE c.inferred IS NULL
      // a role chairing two of the bodies is already the error above, whoever holds it
      AND NOT EXISTS {
        MATCH (chair)-[c2:CHAIRS]->(o:Body)<-[:CONCERNS]-(d)
        WHERE o <> b AND c2.inferred IS NULL
      }
    RETURN
      'warning' AS severity,
      'unverified' AS status,
      'Unverified: no person is recorded as holding the post of ' + chair.name + ', who chairs ' + b.name +
        ', so it cannot be checked that ' + b.name + ' is chaired by a different person from ' +
        reduce(s = '', o IN COLLECT {
          MATCH (d)-[:CONCERNS]->(o:Body) WHERE o <> b RETURN o.name ORDER BY o.name
        } | s + CASE s WHEN '' THEN '' ELSE ' or ' END + o) AS message,
      [b, chair] AS subjects,
      [p] AS paths
    UNION ALL
    WITH d
    WHERE all(b IN COLLECT { MATCH (d)-[:CONCERNS]->(b:Body) RETURN b } WHERE EXISTS {
      MATCH q = (:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b)
      WHERE all(r IN relationships(q) WHERE r.inferred IS NULL)
    })
    RETURN
      'info' AS severity,
      'passed' AS status,
      'the people who chair ' + reduce(s = '', n IN COLLECT {
          MATCH (d)-[:CONCERNS]->(o:Body) RETURN o.name ORDER BY o.name
        } | s + CASE s WHEN '' THEN '' ELSE ' and ' END + n) + ' are recorded and were compared' AS message,
      [] AS subjects,
      [] AS paths
  }
  CALL (d, status, paths) {
    UNWIND CASE status WHEN 'passed' THEN [] ELSE [{id: d.clause, quote: d.quote}] END +
      [r IN reduce(rels = [], q IN paths | rels + relationships(q)) | {id: r.clause, quote: r.quote}] AS cited
    MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
    RETURN collect(c {.id, .ref, .number, .line, quote: cited.quote, protocol: doc.id,
      source_file: doc.source_file, source_path: doc.source_path}) AS clauses
  }
  RETURN
    'chairs-separate' AS rule,
    severity,
    d.area AS area,
    status,
    message,
    [s IN subjects | s {.id, name: coalesce(s.name, s.id), label: [l IN labels(s) WHERE l <> 'Entity'][0]}]
      AS subjects,
    [q IN paths | {
      nodes: [n IN nodes(q) | n {.id, name: coalesce(n.name, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
      edges: [r IN relationships(q) | r {.id, .clause, .quote, .source, .line, type: type(r),
        start: startNode(r).id, end: endNode(r).id}]
    }] AS path,
    clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
