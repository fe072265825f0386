// name: db/ping
// takes: nothing
// returns: ok — the database itself answers a query (not just Bolt: a starting server accepts logins
// before its default database is online)
RETURN 1 AS ok
