// name: db/relationship_counts
// takes: nothing
// returns: type, count — govgraph's edges by type
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY type
