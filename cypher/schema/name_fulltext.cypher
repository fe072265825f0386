// name: schema/name_fulltext
// takes: nothing
// returns: nothing; full-text search over the names and aliases of bodies, roles and people
CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS FOR (n:Body|Role|Person) ON EACH [n.name, n.alias_text]
