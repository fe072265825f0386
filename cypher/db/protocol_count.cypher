// name: db/protocol_count
// takes: nothing
// returns: protocols — how many protocols the database holds (0: a fresh database to seed)
MATCH (p:Protocol)
RETURN count(p) AS protocols
