// name: diagram/area_counts
// takes: nothing
// returns: one row per area that holds bodies, roles or people: area (id), bodies, roles, people (how
//   many of each) and relations (edges leaving them for another body, role or person) — the explorer's
//   overview of every area, read in one pass over the parties (no per-area lookups)
MATCH (n:Body|Role|Person)
WITH n.area AS area, n, COUNT { (n)-->(:Body|Role|Person) } AS out
RETURN area,
       sum(CASE WHEN n:Body THEN 1 ELSE 0 END) AS bodies,
       sum(CASE WHEN n:Role THEN 1 ELSE 0 END) AS roles,
       sum(CASE WHEN n:Person THEN 1 ELSE 0 END) AS people,
       sum(out) AS relations
ORDER BY area
