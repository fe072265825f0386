// name: diagram/duties
// takes: $area — an area id, or null for every area
// returns: one row per duty one party of the area owes another (the DUTY edges a diagram may draw):
//   id, from (owner), to (towards), kind, text, clause (id), ref and number (as printed), line,
//   protocol (title)
MATCH (a:Body|Role|Person)-[:OWES]->(d:Duty)-[:TOWARDS]->(b:Body|Role|Person)
WHERE $area IS NULL OR a.area = $area
OPTIONAL MATCH (c:Clause {id: d.clause})
OPTIONAL MATCH (p:Protocol {id: c.protocol})
RETURN d.id AS id, a.id AS from, b.id AS to, d.kind AS kind, d.text AS text,
       c.id AS clause, c.ref AS ref, c.number AS number, c.line AS clause_line, p.title AS protocol
ORDER BY from, to, id
