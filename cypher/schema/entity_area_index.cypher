// name: schema/entity_area_index
// takes: nothing
// returns: nothing; serves the per-area filters (bodies, roles, duties of one area)
CREATE INDEX entity_area_index IF NOT EXISTS FOR (n:Entity) ON (n.area)
