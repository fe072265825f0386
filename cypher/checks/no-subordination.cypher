// name: checks/no-subordination
// id: no-subordination
// title: No body is subordinate to another where the protocol says it is not
// severity: error
// citation: the protocol's declaration that a body is independent ("neither subordinate to nor a
//   subgroup of any other local body", as Working Together puts it) or that the parties' relationship is
//   not hierarchical ("It is not a hierarchical relationship")
// rationale: A body that must be able to challenge others cannot sit beneath them. The check follows
//   SUBGROUP_OF upwards and DIRECTS backwards (whoever may direct a body is above it), through any
//   number of levels, and reports each body above with the shortest path to it. An independent body may
//   be beneath no other body of its area: an error. Under a non-hierarchical declaration, a party (or a
//   body the declaration names) beneath another of them is an error; beneath a body outside the
//   protocol it is reported as a warning, not failed, since the protocol says nothing about that body.
//   Inferred edges are not followed.
// unexamined: no protocol of this area declares a body independent or a relationship not hierarchical
// takes: nothing ($area is not read) — the national statement: every area at once, from label and
//   relationship scans; a check of one area runs checks/area/no-subordination instead, which seeks the area index
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per bound body
//   and body above it, citing the declarations it breaks (or, for a warning, that bind it); one passed
//   row per declaration examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH (d:Declaration)-[:STATED_IN]->(:Clause)-[:PART_OF]->(doc:Protocol)
    WHERE d.kind IN ['independent', 'non_hierarchical']
    CALL (d, doc) {
      MATCH (d)-[:CONCERNS]->(b:Body)
      RETURN b AS bound
      UNION
      MATCH (doc)-[:HAS_PARTY]->(b:Body)
      WHERE d.kind = 'non_hierarchical'
      RETURN b AS bound
    }
    WITH d, collect(bound) AS bound
    UNWIND bound AS a
    WITH a, collect({declaration: d, bound: bound}) AS grounds
    MATCH p = SHORTEST 1 (a)((x)-[h:SUBGROUP_OF|DIRECTS]-(y)
          WHERE h.inferred IS NULL
            AND ((type(h) = 'SUBGROUP_OF' AND startNode(h) = x) OR (type(h) = 'DIRECTS' AND endNode(h) = x)))+
        (above:Body)
    WHERE above.area = a.area AND above <> a
    WITH a, above, p, grounds,
      [g IN grounds WHERE g.declaration.kind = 'independent' OR above IN g.bound | g.declaration] AS broken
    WITH a, above, p, broken, CASE broken WHEN [] THEN [g IN grounds | g.declaration] ELSE broken END AS cited
    CALL (cited, p) {
      UNWIND [d IN cited | {id: d.clause, quote: d.quote}] +
        [r IN relationships(p) | {id: r.clause, quote: r.quote}] AS quoted
      MATCH (c:Clause {id: quoted.id})-[:PART_OF]->(doc:Protocol)
      RETURN collect(c {.id, .ref, .number, .line, quote: quoted.quote, protocol: doc.id,
        source_file: doc.source_file, source_path: doc.source_path}) AS clauses
    }
    RETURN
      CASE broken WHEN [] THEN 'warning' ELSE 'error' END AS severity,
      'failed' AS status,
      a.area AS area,
      a.name + ' is subordinate to ' + above.name +
        CASE length(p) WHEN 1 THEN '' ELSE ' (' + toString(length(p)) + ' levels up)' END +
        CASE
          WHEN any(d IN broken WHERE d.kind = 'independent') THEN ', though the protocol declares it independent'
          WHEN broken <> [] THEN ', though the protocol declares their relationship not hierarchical'
          ELSE '; ' + above.name + ' is not a party to the protocol, so this is a warning, not an error'
        END AS message,
      [x IN [a, above] | x {.id, .name, label: 'Body'}] AS subjects,
      [{
        nodes: [n IN nodes(p) | n {.id, name: coalesce(n.name, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
        edges: [r IN relationships(p) | r {.id, .clause, .quote, .source, .line, type: type(r),
          start: startNode(r).id, end: endNode(r).id}]
      }] AS path,
      clauses
    UNION ALL
    MATCH (d:Declaration)-[:STATED_IN]->(c:Clause)
    WHERE d.kind IN ['independent', 'non_hierarchical']
    RETURN
      'info' AS severity,
      'passed' AS status,
      d.area AS area,
      'the bodies bound by the declaration in ' + coalesce(c.ref, c.id) + ' (' + replace(d.kind, '_', '-') +
        ') were examined for bodies above them' AS message,
      [] AS subjects,
      [] AS path,
      [] AS clauses
  }
  RETURN 'no-subordination' AS rule, severity, area, status, message, subjects, path, clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
