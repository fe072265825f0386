// name: checks/chairs-separate
// id: chairs-separate
// title: Bodies that must have different chairs are chaired by different people
// severity: error
// citation: the protocol's declaration that bodies are "chaired by different people"
// rationale: One chair for two bodies lets one of them mark its own homework. An error when one role
//   chairs two of the bodies, or when one person chairs two of them at the same time (directly, as a
//   membership register records, or through a role the person holds, with overlapping dates). A body
//   whose chair is not recorded at all cannot be checked: that is a warning ("unverified"), never a pass.
// takes: $area — an area id, or null for every area
// returns: rule, severity, area, message, subjects, path, clauses — one row per clash or unchaired body
MATCH (d:Declaration {kind: 'separate_chairs'})
WHERE $area IS NULL OR d.area = $area
CALL (d) {
  MATCH (d)-[:CONCERNS]->(b1:Body), (d)-[:CONCERNS]->(b2:Body)
  WHERE b1.id < b2.id
  MATCH p = (b1)<-[:CHAIRS]-(chair:Role)-[:CHAIRS]->(b2)
  RETURN
    'error' AS severity,
    'The ' + chair.name + ' chairs both ' + b1.name + ' and ' + b2.name AS message,
    [b1, b2, chair] AS subjects,
    [p] AS paths
  UNION ALL
  MATCH (d)-[:CONCERNS]->(b1:Body), (d)-[:CONCERNS]->(b2:Body)
  WHERE b1.id < b2.id
  MATCH leg1 = (person:Person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b1)
  MATCH leg2 = (person)-[:HOLDS]->{0,1}()-[:CHAIRS]->(b2)
  WITH d, b1, b2, person, leg1, leg2, relationships(leg1)[0] AS s1, relationships(leg2)[0] AS s2
  // at the same time: open-ended dates overlap everything
  WHERE (s1.start IS NULL OR s2.end IS NULL OR s1.start <= s2.end)
    AND (s2.start IS NULL OR s1.end IS NULL OR s2.start <= s1.end)
    // one role chairing both is the role-level clash above
    AND NOT (length(leg1) = 2 AND length(leg2) = 2 AND nodes(leg1)[1] = nodes(leg2)[1])
  WITH d, b1, b2, person, leg1, leg2
  ORDER BY length(leg1) + length(leg2)
  WITH b1, b2, person, collect([leg1, leg2])[0] AS legs
  RETURN
    'error' AS severity,
    person.name + ' chairs both ' + b1.name + ' and ' + b2.name AS message,
    [b1, b2, person] AS subjects,
    legs AS paths
  UNION ALL
  MATCH (d)-[:CONCERNS]->(b:Body)
  WHERE NOT EXISTS { ()-[:CHAIRS]->(b) }
  RETURN
    'warning' AS severity,
    'Unverified: no chair of ' + b.name + ' is recorded, so it cannot be checked that its chair is not ' +
      'also the chair of ' + reduce(s = '', o IN COLLECT {
        MATCH (d)-[:CONCERNS]->(o:Body) WHERE o <> b RETURN o.name ORDER BY o.name
      } | s + CASE s WHEN '' THEN '' ELSE ' or ' END + o) AS message,
    [b] AS subjects,
    [] AS paths
}
CALL (d, paths) {
  UNWIND [{id: d.clause, quote: d.quote}] +
    [r IN reduce(rels = [], q IN paths | rels + relationships(q)) | {id: r.clause, quote: r.quote}] AS cited
  MATCH (c:Clause {id: cited.id})-[:PART_OF]->(doc:Protocol)
  RETURN collect({clause: c, protocol: doc, quote: cited.quote}) AS clauses
}
RETURN 'chairs-separate' AS rule, severity, d.area AS area, message, subjects, paths AS path, clauses
