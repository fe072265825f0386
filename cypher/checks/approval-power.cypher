// name: checks/approval-power
// id: approval-power
// title: No non-hierarchical party needs another's approval
// severity: warning
// citation: the protocol's declaration that the parties' relationship is "not a hierarchical
//   relationship"
// rationale: Needing another body's approval is a mark of hierarchy. The protocol may mean it (approval
//   of one kind of decision), so it is a warning for a validator to weigh, not an error.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per declaration and pair
//   of parties, with every approval the one seeks from the other
MATCH (d:Declaration {kind: 'non_hierarchical'})-[:STATED_IN]->(:Clause)-[:PART_OF]->(doc:Protocol)
WHERE $area IS NULL OR d.area = $area
CALL (d, doc) {
  MATCH (d)-[:CONCERNS]->(b:Body)
  RETURN b AS bound
  UNION
  MATCH (doc)-[:HAS_PARTY]->(b:Body)
  RETURN b AS bound
}
WITH d, collect(bound) AS bound
UNWIND bound AS seeker
MATCH p = (seeker)-[:SEEKS_APPROVAL_FROM]->(approver)
WHERE approver IN bound AND approver <> seeker
WITH d, seeker, approver, p ORDER BY relationships(p)[0].clause
WITH d, seeker, approver, collect(p) AS paths
CALL (d, paths) {
  UNWIND [{id: d.clause, quote: d.quote}] +
    [r IN reduce(rels = [], q IN paths | rels + relationships(q)) | {id: r.clause, quote: r.quote}] AS cited
  MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
  RETURN collect({clause: c, protocol: doc, quote: cited.quote}) AS clauses
}
RETURN
  'approval-power' AS rule,
  'warning' AS severity,
  d.area AS area,
  seeker.name + ' needs the approval of ' + approver.name +
    coalesce(' for ' + relationships(paths[0])[0].what, '') +
    ', though the protocol says their relationship is not hierarchical' AS message,
  [seeker, approver] AS subjects,
  paths AS path,
  clauses
