// name: db/label_counts
// takes: nothing
// returns: label, count — govgraph's nodes by kind
MATCH (n:Entity)
UNWIND [label IN labels(n) WHERE label <> 'Entity'] AS label
RETURN label, count(*) AS count
ORDER BY label
