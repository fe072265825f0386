// name: schema/body_name_index
// takes: nothing
// returns: nothing; serves look-ups of a body by its name
CREATE INDEX body_name_index IF NOT EXISTS FOR (n:Body) ON (n.name)
