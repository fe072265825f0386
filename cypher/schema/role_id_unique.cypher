// name: schema/role_id_unique
// takes: nothing
// returns: nothing; lets MATCH (:Role {id: $id}) use an index and keeps Role ids unique
CREATE CONSTRAINT role_id_unique IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE
