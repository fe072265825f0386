// name: checks/one-way-accountability
// id: one-way-accountability
// title: Reporting is answered by a response, a challenge or a report back
// severity: warning
// citation: the protocol's reporting lines (REPORTS_TO), held against its purpose of "accountability
//   and reporting arrangements" that work both ways
// rationale: A report nobody answers holds no one to account. Where A reports to B and nothing records
//   B responding to, challenging or reporting back to A, the accountability is one-way. A subgroup
//   reporting to the body it belongs to is expected to, and is left out.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per reporter and recipient,
//   with every report the one sends the other
MATCH p = (reporter)-[:REPORTS_TO]->(recipient)
WHERE ($area IS NULL OR reporter.area = $area)
  AND reporter <> recipient
  AND NOT EXISTS { (recipient)-[:RESPONDS_TO|CHALLENGES|REPORTS_TO]->(reporter) }
  AND NOT EXISTS { (reporter)-[:SUBGROUP_OF]->+(recipient) }
WITH reporter, recipient, p ORDER BY relationships(p)[0].clause
WITH reporter, recipient, collect(p) AS paths,
  collect(coalesce(relationships(p)[0].what, 'unspecified')) AS what
CALL (paths) {
  UNWIND paths AS q
  UNWIND relationships(q) AS r
  MATCH (c:Clause {id: r.clause})-[:PART_OF]->(doc:Protocol)
  RETURN collect({clause: c, protocol: doc, quote: r.quote}) AS clauses
}
RETURN
  'one-way-accountability' AS rule,
  'warning' AS severity,
  reporter.area AS area,
  reporter.name + ' reports to ' + recipient.name +
    ' (' + reduce(s = '', w IN what | s + CASE s WHEN '' THEN '' ELSE '; ' END + w) + '), but nothing ' +
    'records ' + recipient.name + ' responding to, challenging or reporting back to it' AS message,
  [reporter, recipient] AS subjects,
  paths AS path,
  clauses
