// name: schema/entity_source_index
// takes: nothing
// returns: nothing; finds a document's own nodes (clauses, duties, declarations) on reload
CREATE INDEX entity_source_index IF NOT EXISTS FOR (n:Entity) ON (n.source)
