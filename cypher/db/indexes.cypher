// name: db/indexes
// takes: nothing
// returns: name, type, labels, properties, state of every constraint-backing and plain index
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state
RETURN name, type, labelsOrTypes AS labels, properties, state
ORDER BY name
