// name: load/any_node
// takes: nothing
// returns: any — whether the database holds any node at all (the bulk import needs an empty one)
RETURN EXISTS { MATCH (n) } AS any
