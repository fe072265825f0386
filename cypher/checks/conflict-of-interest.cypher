// name: checks/conflict-of-interest
// id: conflict-of-interest
// title: No one assures or scrutinises a board they sit on
// severity: warning
// citation: the protocol's duties of assurance and accountability towards a board ("has a statutory
//   responsibility for ensuring that an effective Safeguarding Children Board is in place"), its
//   scrutiny lines (SCRUTINISES, HOLDS_TO_ACCOUNT) and its membership clauses
// rationale: Whoever must assure a board's effectiveness, or scrutinise a body, judges work they take
//   part in if they also sit on it. Warned, citing both clauses, for (1) an officer or body that owes a
//   duty of assurance or accountability towards a board and is a member or the chair of that board
//   (directly, or through a person a register records as holding the post), and (2) a member or the
//   chair of a body that scrutinises or holds another to account who is also a member or the chair of
//   the scrutinised body (observers and advisers, who take no part in decisions, are left out; a pair
//   that scrutinise each other is one pair). The protocol may want the shared seat ("clear lines of
//   communication"): a warning for a validator to weigh, not an error. Inferred edges are not counted.
// unexamined: no duty of assurance or accountability towards a body, and no scrutiny of one body by
//   another, is stated in this area's protocols
// takes: nothing ($area is not read) — the national statement: every area at once, from label and
//   relationship scans; a check of one area runs checks/area/conflict-of-interest instead, which seeks the area index
// returns: rows — one record, a list of {rule, severity, area, status, message, subjects, path,
//   clauses} maps: one failed row per duty and
//   seat, and per member and pair of bodies; one passed row per area with what was examined. Plain values.
// The rows are collected into one list: the driver decodes one big list far more cheaply than it
// builds a record for each of thousands of rows.
CALL () {
  CALL () {
    MATCH duty = (owner)-[:OWES]->(d:Duty)-[:TOWARDS]->(board:Body)
      USING SCAN d:Duty
    WHERE d.kind IN ['assurance', 'accountability']
    MATCH seat = (owner)<-[:HOLDS]-{0,1}(sitter)-[e:MEMBER_OF|CHAIRS]->(board)
    WHERE all(r IN relationships(seat) WHERE r.inferred IS NULL)
    WITH owner, d, board, duty, sitter, seat, e ORDER BY e.clause, e.line
    WITH owner, d, board, duty, sitter, collect(seat) AS seats
    RETURN
      board.area AS area,
      CASE WHEN owner:Role THEN 'The ' ELSE '' END + owner.name + ' owes a duty of ' + d.kind + ' towards ' +
        board.name + ' (' + split(d.clause, '/')[-1] + ')' +
        CASE WHEN sitter = owner THEN ' and also sits on it'
          ELSE ', and ' + sitter.name + ', who holds the post, sits on it' END +
        ' (' + reduce(s = '', x IN seats | s + CASE s WHEN '' THEN '' ELSE ', ' END +
          CASE type(last(relationships(x))) WHEN 'CHAIRS' THEN 'chair' ELSE
            replace(coalesce(last(relationships(x)).capacity, 'member'), '_', ' ') END +
          coalesce(' in ' + split(last(relationships(x)).clause, '/')[-1],
            ' on register line ' + toString(last(relationships(x)).line), '')) +
        '): it would assure its own work' AS message,
      [x IN [owner, board] | x {.id, name: coalesce(x.name, x.id), label: [l IN labels(x) WHERE l <> 'Entity'][0]}]
        AS subjects,
      [duty] + seats AS paths,
      [{id: d.clause, quote: d.text}] +
        [x IN seats | {id: last(relationships(x)).clause, quote: last(relationships(x)).quote}] AS cited
    UNION ALL
    CALL () {
      MATCH (scrutiniser)-[x:SCRUTINISES]->(scrutinised) USING SCAN x:SCRUTINISES
      RETURN scrutiniser, x, scrutinised
      UNION ALL
      MATCH (scrutiniser)-[x:HOLDS_TO_ACCOUNT]->(scrutinised) USING SCAN x:HOLDS_TO_ACCOUNT
      RETURN scrutiniser, x, scrutinised
    }
    WITH scrutiniser, x, scrutinised
    WHERE scrutiniser:Body AND scrutinised:Body AND scrutiniser <> scrutinised AND x.inferred IS NULL
    WITH DISTINCT scrutiniser, scrutinised,
      EXISTS {
        (scrutinised)-[y:SCRUTINISES|HOLDS_TO_ACCOUNT]->(scrutiniser) WHERE y.inferred IS NULL
      } AS mutual
    WHERE NOT (mutual AND scrutiniser.id > scrutinised.id)
    MATCH seat1 = (member)-[e1:MEMBER_OF|CHAIRS]->(scrutiniser)
    MATCH seat2 = (member)-[e2:MEMBER_OF|CHAIRS]->(scrutinised)
    WHERE e1.inferred IS NULL AND e2.inferred IS NULL
      AND NOT coalesce(e1.capacity, '') IN ['observer', 'participant_observer', 'adviser']
      AND NOT coalesce(e2.capacity, '') IN ['observer', 'participant_observer', 'adviser']
      AND (e1.start IS NULL OR e2.end IS NULL OR e1.start <= e2.end)
      AND (e2.start IS NULL OR e1.end IS NULL OR e2.start <= e1.end)
    WITH scrutiniser, scrutinised, mutual, member, seat1, seat2, e1, e2
    ORDER BY e1.clause, e1.line, e2.clause, e2.line
    WITH scrutiniser, scrutinised, mutual, member, collect(seat1)[0] AS seat1, collect(seat2)[0] AS seat2
    CALL (scrutiniser, scrutinised) {
      MATCH q = (scrutiniser)-[s:SCRUTINISES|HOLDS_TO_ACCOUNT]->(scrutinised)
      WHERE s.inferred IS NULL
      RETURN q AS scrutiny
      ORDER BY s.clause
      LIMIT 1
    }
    WITH scrutiniser, scrutinised, mutual, member, seat1, seat2, [scrutiny, seat1, seat2] AS paths
    RETURN
      scrutiniser.area AS area,
      CASE WHEN member:Role THEN 'The ' ELSE '' END + member.name + ' ' +
        CASE type(relationships(seat1)[0]) WHEN 'CHAIRS' THEN 'chairs ' ELSE 'sits on ' END + scrutiniser.name +
        ' and ' + CASE type(relationships(seat2)[0]) WHEN 'CHAIRS' THEN 'chairs ' ELSE 'sits on ' END +
        scrutinised.name +
        CASE
          WHEN mutual THEN ', which scrutinise each other: they take part in both sides of the scrutiny'
          ELSE ', which ' + scrutiniser.name + ' scrutinises: they take part in the work they scrutinise'
        END AS message,
      [x IN [member, scrutiniser, scrutinised] | x {.id, name: coalesce(x.name, x.id),
        label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS subjects,
      paths,
      [q IN paths | {id: relationships(q)[0].clause, quote: relationships(q)[0].quote}] AS cited
  }
  CALL (cited) {
    UNWIND cited AS quoted
    MATCH (c:Clause {id: quoted.id})-[:PART_OF]->(doc:Protocol)
    RETURN collect(c {.id, .ref, .number, .line, quote: quoted.quote, protocol: doc.id,
      source_file: doc.source_file, source_path: doc.source_path}) AS clauses
  }
  RETURN
    'conflict-of-interest' AS rule,
    'warning' AS severity,
    area,
    'failed' AS status,
    message,
    subjects,
    [q IN paths | {
      nodes: [n IN nodes(q) | n {.id, name: coalesce(n.name, 'duty ' + n.ref, n.id), label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
      edges: [r IN relationships(q) | r {.id, .clause, .quote, .source, .line, type: type(r),
        start: startNode(r).id, end: endNode(r).id}]
    }] AS path,
    clauses
  UNION ALL
  CALL () {
    MATCH (:Entity)-[:OWES]->(d:Duty)-[:TOWARDS]->(board:Body)
      USING SCAN d:Duty
    WHERE d.kind IN ['assurance', 'accountability']
    RETURN board.area AS area, count(d) AS duties, 0 AS lines
    UNION ALL
    CALL () {
      MATCH (s)-[x:SCRUTINISES]->(t) USING SCAN x:SCRUTINISES
      RETURN s, x, t
      UNION ALL
      MATCH (s)-[x:HOLDS_TO_ACCOUNT]->(t) USING SCAN x:HOLDS_TO_ACCOUNT
      RETURN s, x, t
    }
    WITH s, x, t
    WHERE s:Body AND t:Body AND s <> t AND x.inferred IS NULL
    RETURN s.area AS area, 0 AS duties, count(DISTINCT [s.id, t.id]) AS lines
  }
  WITH area, sum(duties) AS duties, sum(lines) AS lines
  RETURN
    'conflict-of-interest' AS rule,
    'info' AS severity,
    area,
    'passed' AS status,
    toString(duties) + ' duties of assurance or accountability towards a body and ' + toString(lines) +
      ' scrutiny lines were examined for seats on the body assured or scrutinised' AS message,
    [] AS subjects,
    [] AS path,
    [] AS clauses
}
RETURN collect({rule: rule, severity: severity, area: area, status: status, message: message,
  subjects: subjects, path: path, clauses: clauses}) AS rows
