// name: diagram/area_links
// takes: nothing
// returns: one row per ordered pair of areas with edges between them (a body, role or person of one
//   area related to one of another): from, to (area ids) and relations (how many edges) — the lines of
//   the explorer's overview; none when every area's relations stay inside it
MATCH (a:Body|Role|Person)-[r]->(b:Body|Role|Person)
WHERE a.area <> b.area
RETURN a.area AS from, b.area AS to, count(r) AS relations
ORDER BY from, to
