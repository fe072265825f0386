// name: load/document_digest
// takes: $source — a document id (protocol or register)
// returns: digest — the sha256 stored when the document was last written, or no row
MATCH (d:Entity {id: $source})
RETURN d.digest AS digest
