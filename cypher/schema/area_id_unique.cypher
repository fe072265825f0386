// name: schema/area_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Area {id: $id}) use an index and keeps Area ids unique
CREATE CONSTRAINT area_id_unique IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE
