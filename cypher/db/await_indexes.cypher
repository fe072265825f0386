// name: db/await_indexes
// takes: nothing
// returns: nothing, once every index is online (or after 300 s, with an error)
CALL db.awaitIndexes(300)
