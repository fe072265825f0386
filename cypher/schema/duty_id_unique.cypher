// name: schema/duty_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Duty {id: $id}) use an index and keeps Duty ids unique
CREATE CONSTRAINT duty_id_unique IF NOT EXISTS FOR (n:Duty) REQUIRE n.id IS UNIQUE
