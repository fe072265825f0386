// name: checks/area/independent-chair
// id: independent-chair
// title: The chair of an independent body holds no executive role in a body it scrutinises
// severity: error
// citation: the protocol's declaration that a body is independent ("an independent partnership,
//   neither subordinate to nor a subgroup of any other local body")
// rationale: A body's independence rests on its chair. A chair who is also an officer (a post of, or the
//   chair of) a body the independent body scrutinises, challenges, oversees or holds to account would
//   scrutinise their own work. Checked for chairing roles, and for people a membership register records
//   as chair (directly or through a role they hold). A role is not a person: whoever holds the chairing
//   role may hold other posts, so the body passes only when the people who chair it are recorded; a body
//   with no recorded chair, or whose chairing role nobody is recorded as holding, is unverified.
//   Inferred edges are not counted.
// unexamined: no protocol of this area declares a body independent
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/independent-chair, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per chair,
//   independent body and scrutinised body; one unverified row per independent body whose chairing
//   people are not recorded; one passed row per independent body whose chairing people are. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  MATCH (d:Entity:Declaration {area: $area}) USING INDEX d:Entity(area)
  MATCH (d:Declaration {kind: 'independent'})-[:CONCERNS]->(ind:Body)
  CALL (d, ind) {
    MATCH p = (ind)<-[:CHAIRS]-(seat)<-[:HOLDS]-{0,1}(chair)-[:HOLDS]->{0,1}(post)-[:ROLE_IN|CHAIRS]->(other:Body)
        <-[:SCRUTINISES|CHALLENGES|OVERSEES|HOLDS_TO_ACCOUNT]-(ind)
    WHERE other <> ind
      AND (chair:Role OR chair:Person)
      AND all(r IN relationships(p) WHERE r.inferred IS NULL)
      // a person holding the chairing role is the role's finding, not a second one
      AND NOT (chair:Person AND post:Role AND EXISTS { (post)-[:CHAIRS]->(ind) })
      // a register's dates: the person chairs and holds the post at the same time
      AND all(x IN relationships(p) WHERE x.line IS NULL OR all(y IN relationships(p) WHERE y.line IS NULL
          OR x.start IS NULL OR y.end IS NULL OR x.start <= y.end))
    WITH chair, other, p
    ORDER BY length(p)
    WITH chair, other, collect(p)[0] AS p
    RETURN
      'error' AS severity,
      'failed' AS status,
      CASE WHEN chair:Role THEN 'The ' ELSE '' END + chair.name + ', who chairs ' + ind.name +
        ', holds an executive role in ' + other.name + ', which ' + ind.name + ' scrutinises' AS message,
      [ind, chair, other] AS subjects,
      [p] AS paths
    UNION ALL
    WITH ind
    WHERE NOT EXISTS { ()-[c:CHAIRS]->(ind) WHERE c.inferred IS NULL }
    RETURN
      'warning' AS severity,
      'unverified' AS status,
      'Unverified: no chair of ' + ind.name + ' is recorded, so it cannot be checked that its chair holds ' +
        'no executive role in a body it scrutinises' AS message,
      [ind] AS subjects,
      [] AS paths
    UNION ALL
    WITH ind
    WHERE NOT EXISTS {
      MATCH q = (:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(ind)
      WHERE all(r IN relationships(q) WHERE r.inferred IS NULL)
    }
    MATCH p = (chair:Role)-[c:CHAIRS]->(ind)
    WHERE c.inferred IS NULL
      // a chairing role that is itself an executive post of a scrutinised body is already the error above
      AND NOT EXISTS {
        MATCH (chair)-[x:ROLE_IN|CHAIRS]->(other:Body)<-[y:SCRUTINISES|CHALLENGES|OVERSEES|HOLDS_TO_ACCOUNT]-(ind)
        WHERE other <> ind AND x.inferred IS NULL AND y.inferred IS NULL
      }
    RETURN
      'warning' AS severity,
      'unverified' AS status,
      'Unverified: no person is recorded as holding the post of ' + chair.name + ', who chairs ' + ind.name +
        ', so it cannot be checked that the person holds no executive role in a body ' + ind.name +
        ' scrutinises' AS message,
      [ind, chair] AS subjects,
      [p] AS paths
    UNION ALL
    WITH ind
    WHERE EXISTS {
      MATCH q = (:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(ind)
      WHERE all(r IN relationships(q) WHERE r.inferred IS NULL)
    }
    RETURN
      'info' AS severity,
      'passed' AS status,
      'the people who chair ' + ind.name + ' are recorded and were examined for executive roles' AS message,
      [] AS subjects,
      [] AS paths
  }
  CALL (d, status, paths) {
    UNWIND CASE status WHEN 'passed' THEN [] ELSE [{id: d.clause, quote: d.quote}] END +
      [r IN reduce(rels = [], q IN paths | rels + relationships(q)) | {id: r.clause, quote: r.quote}] AS cited
    MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
    RETURN collect(DISTINCT c {.id, .ref, .number, .line, quote: cited.quote, protocol: doc.id,
      source_file: doc.source_file, source_path: doc.source_path}) AS clauses
  }
  RETURN
    'independent-chair' AS rule,
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
