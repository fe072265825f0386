// name: diagram/edges
// takes: $area — an area id, or null for every area; $types — the relationship types to draw (chosen
//   from graph.model by the caller, never free text)
// returns: one row per edge of those types leaving a body, role or person of the area for another:
//   id, type, from, to, the edge's own words (quote, what, frequency, capacity, note, start, end) and
//   where they come from: clause (id), ref and number (as printed), line, protocol (title), source and
//   line (a register's row), duty (the text of the duty the relation carries out, if any), inferred (true
//   when the edge is an inference, not stated by the text) and its reason
MATCH (a:Body|Role|Person)-[r]->(b:Body|Role|Person)
WHERE ($area IS NULL OR a.area = $area) AND type(r) IN $types
OPTIONAL MATCH (c:Clause {id: r.clause})
OPTIONAL MATCH (p:Protocol {id: c.protocol})
OPTIONAL MATCH (d:Duty {id: r.duty})
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to,
       r.quote AS quote, r.what AS what, r.frequency AS frequency, r.capacity AS capacity, r.note AS note,
       toString(r.start) AS start, toString(r.end) AS end,
       r.clause AS clause, c.ref AS ref, c.number AS number, c.line AS clause_line, p.title AS protocol,
       r.source AS source, r.line AS line, d.text AS duty,
       coalesce(r.inferred, false) AS inferred, r.reason AS reason
ORDER BY from, type, to, id
