// name: diagram/parties
// takes: $area — an area id, or null for every area
// returns: one row per body, role and person (the nodes a diagram draws): id, label (Body, Role or
//   Person), name, area, kind (bodies only), independent, aliases, owes and owed (how many duties the
//   party owes, and is owed)
MATCH (n:Body|Role|Person)
WHERE $area IS NULL OR n.area = $area
RETURN n.id AS id,
       CASE WHEN n:Body THEN 'Body' WHEN n:Role THEN 'Role' ELSE 'Person' END AS label,
       coalesce(n.name, n.id) AS name,
       n.area AS area,
       n.kind AS kind,
       coalesce(n.independent, false) AS independent,
       coalesce(n.aliases, []) AS aliases,
       COUNT { (n)-[:OWES]->(:Duty) } AS owes,
       COUNT { (:Duty)-[:TOWARDS]->(n) } AS owed
ORDER BY id
