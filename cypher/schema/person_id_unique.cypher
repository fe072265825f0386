// name: schema/person_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Person {id: $id}) use an index and keeps Person ids unique
CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE
