// name: schema/protocol_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Protocol {id: $id}) use an index and keeps Protocol ids unique
CREATE CONSTRAINT protocol_id_unique IF NOT EXISTS FOR (n:Protocol) REQUIRE n.id IS UNIQUE
