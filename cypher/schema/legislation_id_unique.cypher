// name: schema/legislation_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Legislation {id: $id}) use an index and keeps Legislation ids unique
CREATE CONSTRAINT legislation_id_unique IF NOT EXISTS FOR (n:Legislation) REQUIRE n.id IS UNIQUE
