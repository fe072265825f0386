// name: checks/approval-power
// id: approval-power
// title: No non-hierarchical party needs another's approval
// severity: warning
// citation: the protocol's declaration that the parties' relationship is "not a hierarchical
//   relationship"
// rationale: Needing another body's approval is a mark of hierarchy. The protocol may mean it (approval
//   of one kind of decision), so it is a warning for a validator to weigh, not an error. Inferred edges
//   are not counted.
// unexamined: no protocol of this area declares a relationship not hierarchical, so there is nothing to
//   hold approvals against
// takes: nothing ($area is not read) — the national statement: every area at once, from label and
//   relationship scans; a check of one area runs checks/area/approval-power instead, which seeks the area index
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per
//   declaration and pair of parties, with every approval the one seeks from the other; one passed row
//   per declaration examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (d:Declaration {kind: 'non_hierarchical'})-[:STATED_IN]->(:Clause)-[:PART_OF]->(doc:Protocol)
    CALL (d, doc) {
      MATCH (d)-[:CONCERNS]->(b:Body)
      RETURN b AS bound
      UNION
      MATCH (doc)-[:HAS_PARTY]->(b:Body)
      RETURN b AS bound
    }
    WITH d, collect(bound) AS bound
    UNWIND bound AS seeker
    MATCH (seeker)-[r:SEEKS_APPROVAL_FROM]->(approver)
    WHERE approver IN bound AND approver <> seeker AND r.inferred IS NULL
    WITH d, seeker, approver, r ORDER BY r.clause
    WITH d, seeker, approver, collect(r) AS asks,
      seeker {.id, .name, label: 'Body'} AS a,
      approver {.id, .name, label: 'Body'} AS b
    CALL (d, asks) {
      UNWIND [{id: d.clause, quote: d.quote}] + [x IN asks | {id: x.clause, quote: x.quote}] AS cited
      MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
      RETURN collect(c {.id, .ref, .number, .line, quote: cited.quote, protocol: doc.id,
        source_file: doc.source_file, source_path: doc.source_path}) AS clauses
    }
    RETURN
      d.area AS area,
      'warning' AS severity,
      'failed' AS status,
      seeker.name + ' needs the approval of ' + approver.name + coalesce(' for ' + asks[0].what, '') +
        ', though the protocol says their relationship is not hierarchical' AS message,
      [a, b] AS subjects,
      [x IN asks | {nodes: [a, b], edges: [x {.id, .clause, .quote, .source, .line, type: type(x),
        start: seeker.id, end: approver.id}]}] AS path,
      clauses
    UNION ALL
    MATCH (d:Declaration {kind: 'non_hierarchical'})-[:STATED_IN]->(c:Clause)
    RETURN
      d.area AS area,
      'info' AS severity,
      'passed' AS status,
      'the parties declared not hierarchical (' + coalesce(c.ref, c.id) + ') were examined for approvals ' +
        'one seeks from another' AS message,
      [] AS subjects,
      [] AS path,
      [] AS clauses
  }
  RETURN 'approval-power' AS rule, severity, area, status, message, subjects, path, clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
