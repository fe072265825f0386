// name: schema/declaration_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Declaration {id: $id}) use an index and keeps Declaration ids unique
CREATE CONSTRAINT declaration_id_unique IF NOT EXISTS FOR (n:Declaration) REQUIRE n.id IS UNIQUE
