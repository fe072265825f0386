// name: schema/register_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Register {id: $id}) use an index and keeps Register ids unique
CREATE CONSTRAINT register_id_unique IF NOT EXISTS FOR (n:Register) REQUIRE n.id IS UNIQUE
