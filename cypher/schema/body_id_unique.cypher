// name: schema/body_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Body {id: $id}) use an index and keeps Body ids unique
CREATE CONSTRAINT body_id_unique IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE
