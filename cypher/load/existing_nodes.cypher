// name: load/existing_nodes
// takes: $ids — node ids the documents of a load are about to make
// returns: id, labels, name, owner, documents — for each id already in the database: its kinds, its name,
//   the document that owns it (clauses, duties, declarations) and up to four documents it belongs to
// The loader compares these with what each document claims, so that no document changes a node of another
// kind or another document's own node (see loaders/integrity.py).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (owner:Entity {id: n.source})
RETURN
  id,
  [label IN labels(n) WHERE label <> 'Entity'] AS labels,
  n.name AS name,
  n.source AS owner,
  CASE
    WHEN owner IS NOT NULL THEN [owner {.id, file: coalesce(owner.file, owner.source_file)}]
    WHEN n:Protocol OR n:Register THEN [n {.id, file: coalesce(n.file, n.source_file)}]
    ELSE COLLECT {
      MATCH (d:Entity)-[:DEFINES]->(n)
      RETURN d {.id, file: coalesce(d.file, d.source_file)}
      LIMIT 4
    }
  END AS documents
