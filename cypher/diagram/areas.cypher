// name: diagram/areas
// takes: nothing
// returns: id, name — every area in the graph, so a diagram can refuse an unknown --area by name
MATCH (a:Area)
RETURN a.id AS id, coalesce(a.name, a.id) AS name
ORDER BY id
