// name: checks/area/no-direction-power
// id: no-direction-power
// title: No party has a power to direct another where the protocol says none has
// severity: error
// citation: the protocol's declaration that none of the parties "has the power to direct other
//   organisations"
// rationale: Partners who cannot direct each other must rely on challenge and agreement; a recorded
//   power to direct (a DIRECTS edge, from the body or from a post of it) contradicts the protocol that
//   binds them. Inferred edges are not counted.
// unexamined: no protocol of this area declares that its parties have no power to direct others
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/no-direction-power, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per power to
//   direct; one passed row per declaration examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (d:Entity:Declaration {area: $area}) USING INDEX d:Entity(area)
    MATCH (d:Declaration {kind: 'no_direction_power'})-[:CONCERNS]->(party)
    MATCH p = (party)<-[:ROLE_IN]-{0,1}(director)-[:DIRECTS]->(directed)
    WHERE directed <> party
      AND all(r IN relationships(p) WHERE r.inferred IS NULL)
      // a body directing its own subgroups or posts directs no other organisation
      AND NOT EXISTS {
        MATCH q = (directed)-[:SUBGROUP_OF|ROLE_IN]->+(party)
        WHERE all(r IN relationships(q) WHERE r.inferred IS NULL)
      }
    CALL (d, p) {
      UNWIND [{id: d.clause, quote: d.quote}] + [r IN relationships(p) | {id: r.clause, quote: r.quote}] AS cited
      MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
      RETURN collect(c {.id, .ref, .number, .line, quote: cited.quote, protocol: doc.id,
        source_file: doc.source_file, source_path: doc.source_path}) AS clauses
    }
    RETURN
      d.area AS area,
      'error' AS severity,
      'failed' AS status,
      CASE director WHEN party THEN party.name ELSE 'The ' + director.name + ' of ' + party.name END +
        ' may direct ' + directed.name + ', though the protocol says ' + party.name +
        ' has no power to direct other organisations' AS message,
      [x IN [party, directed] | x {.id, name: coalesce(x.name, x.id),
        label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS subjects,
      [{
        nodes: [n IN nodes(p) | n {.id, name: coalesce(n.name, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
        edges: [r IN relationships(p) | r {.id, .clause, .quote, .source, .line, type: type(r),
          start: startNode(r).id, end: endNode(r).id}]
      }] AS path,
      clauses
    UNION ALL
    MATCH (d:Entity:Declaration {area: $area}) USING INDEX d:Entity(area)
    MATCH (d:Declaration {kind: 'no_direction_power'})-[:STATED_IN]->(c:Clause)
    RETURN
      d.area AS area,
      'info' AS severity,
      'passed' AS status,
      'the parties declared without a power to direct (' + coalesce(c.ref, c.id) + ') were examined for ' +
        'powers to direct' AS message,
      [] AS subjects,
      [] AS path,
      [] AS clauses
  }
  RETURN 'no-direction-power' AS rule, severity, area, status, message, subjects, path, clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
