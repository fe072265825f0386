// name: checks/one-way-accountability
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
// takes: nothing ($area is not read) — the national statement: every area at once, from label and
//   relationship scans; a check of one area runs checks/area/one-way-accountability instead, which seeks the area index
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per reporter
//   and recipient, with every report the one sends the other; one passed row per area with the number
//   of reporting lines that are answered. Plain values (ids, names, clause refs), not nodes.
// Each reporting line is examined once: whether it is answered decides whether it is a finding or counts
// towards the area's passed row (the two were separate branches, each checking every line again).
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  MATCH (reporter)-[r:REPORTS_TO]->(recipient)
  WHERE r.inferred IS NULL AND reporter <> recipient
  WITH reporter, recipient, r,
    EXISTS { (recipient)-[a:RESPONDS_TO|CHALLENGES|REPORTS_TO]->(reporter) WHERE a.inferred IS NULL }
      OR EXISTS { (reporter)-[s:SUBGROUP_OF WHERE s.inferred IS NULL]->+(recipient) } AS answered
  WITH reporter, recipient, answered, r ORDER BY r.clause
  WITH reporter, recipient, answered, collect(r) AS reports
  WITH reporter.area AS area,
    collect(CASE WHEN NOT answered THEN {reporter: reporter, recipient: recipient, reports: reports} END) AS unanswered,
    count(CASE WHEN answered THEN 1 END) AS lines
  CALL (area, unanswered, lines) {
    UNWIND unanswered AS o
    WITH o.reporter AS reporter, o.recipient AS recipient, o.reports AS reports
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
    WITH lines WHERE lines > 0
    RETURN
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
