// name: schema/clause_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Clause {id: $id}) use an index and keeps Clause ids unique
CREATE CONSTRAINT clause_id_unique IF NOT EXISTS FOR (n:Clause) REQUIRE n.id IS UNIQUE
