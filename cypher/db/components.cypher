// name: db/components
// takes: nothing
// returns: name, version, edition — what the connected server says it is
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
