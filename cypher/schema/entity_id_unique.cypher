// name: schema/entity_id_unique
// takes: nothing
// returns: nothing; every node carries :Entity, and all writes MERGE on this one unique id
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
