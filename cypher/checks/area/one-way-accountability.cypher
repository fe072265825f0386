// name: checks/area/one-way-accountability
// id: one-way-accountability
// title: Reporting is answered by a response, a challenge or a report back
// severity: warning
// citation: the protocol's reporting lines (REPORTS_TO), held against its purpose of "accountability
//   and reporting arrangements" that work both ways
// rationale: A report nobody answers holds no one to account. Where A reports to B and nothing records
//   B responding to, challenging or reporting back to A, the accountability is one-way. A subgroup
//   reporting to the body it belongs to is expected to, and is left out. Inferred edges count neither
//   as a report nor as an answer.
// unexamined: no reporting line (REPORTS_TO) stated in this area's protocols, so none could be checked
// takes: $area — an area id, never null — the per-area statement, from the area index; the run for every
//   area at once is checks/one-way-accountability, with the same rows for each area
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per reporter
//   and recipient, with every report the one sends the other; one passed row per area with the number
//   of reporting lines that are answered. Plain values (ids, names, clause refs), not nodes.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (reporter:Entity {area: $area}) USING INDEX reporter:Entity(area)
    MATCH (reporter)-[r:REPORTS_TO]->(recipient)
    WHERE r.inferred IS NULL
      AND reporter <> recipient
      AND NOT EXISTS { (recipient)-[a:RESPONDS_TO|CHALLENGES|REPORTS_TO]->(reporter) WHERE a.inferred IS NULL }
      AND NOT EXISTS { (reporter)-[s:SUBGROUP_OF WHERE s.inferred IS NULL]->+(recipient) }
    WITH reporter, recipient, r ORDER BY r.clause
    WITH reporter, recipient, collect(r) AS reports
    WITH reporter, recipient, reports,
      reporter {.id, .name, label: [l IN labels(reporter) WHERE l <> 'Entity'][0]} AS a,
      recipient {.id, .name, label: [l IN labels(recipient) WHERE l <> 'Entity'][0]} AS b
    CALL (reports) {
      UNWIND reports AS x
      MATCH (c:Clause {id: x.clause})-[:PART_OF]->(doc:Protocol)
      RETURN collect(c {.id, .ref, .number, .line, quote: x.quote, protocol: doc.id,
        source_file: doc.source_file, source_path: doc.source_path}) AS clauses
    }
    RETURN
      reporter.area AS area,
      'warning' AS severity,
      'failed' AS status,
      reporter.name + ' reports to ' + recipient.name +
        ' (' + reduce(s = '', x IN reports | s + CASE s WHEN '' THEN '' ELSE '; ' END +
          coalesce(x.what, 'unspecified')) + '), but nothing ' +
        'records ' + recipient.name + ' responding to, challenging or reporting back to it' AS message,
      [a, b] AS subjects,
      [x IN reports | {nodes: [a, b], edges: [x {.id, .clause, .quote, .source, .line, type: type(x),
        start: reporter.id, end: recipient.id}]}] AS path,
      clauses
    UNION ALL
    MATCH (reporter:Entity {area: $area}) USING INDEX reporter:Entity(area)
    MATCH (reporter)-[r:REPORTS_TO]->(recipient)
    WHERE r.inferred IS NULL
      AND reporter <> recipient
      AND (EXISTS { (recipient)-[a:RESPONDS_TO|CHALLENGES|REPORTS_TO]->(reporter) WHERE a.inferred IS NULL }
        OR EXISTS { (reporter)-[s:SUBGROUP_OF WHERE s.inferred IS NULL]->+(recipient) })
    WITH reporter.area AS area, count(DISTINCT [reporter.id, recipient.id]) AS lines
    RETURN
      area,
      'info' AS severity,
      'passed' AS status,
      toString(lines) + CASE lines WHEN 1 THEN ' reporting line is' ELSE ' reporting lines are' END +
        ' answered by a response, a challenge or a report back (or run within a body)' AS message,
      [] AS subjects,
      [] AS path,
      [] AS clauses
  }
  RETURN 'one-way-accountability' AS rule, severity, area, status, message, subjects, path, clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
