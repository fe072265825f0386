// name: load/document_digests
// takes: $sources — document ids (protocols or registers)
// returns: source, digest — one row per document already in the database, with the sha256 stored when it
//   was last written; a document with no row is new
UNWIND $sources AS source
MATCH (d:Entity {id: source})
RETURN source, d.digest AS digest
