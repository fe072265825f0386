// name: checks/support/areas
// takes: nothing
// returns: id, name — every area in the graph, so a check report can list the areas that passed too
// Not a rule: rules are the files directly in cypher/checks; this folder holds what the engine needs.
MATCH (a:Area)
RETURN a.id AS id, a.name AS name
ORDER BY id
