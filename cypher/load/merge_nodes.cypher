// name: load/merge_nodes
// takes: $rows — [{id, label, props}], label one of graph.model.Label
// returns: id — one row per node this write may not make or change: it was of another kind, it is
//   another document's own node (a clause, duty or declaration), or a person of a different name.
//   The writer then rolls the transaction back (loaders/integrity.py explains the rules).
// MERGE on the one indexed Entity id, then add the kind label, so the write uses the constraint's index.
// The check is here, after the MERGE has locked each node, rather than only in a read before the write:
// a load running at the same time cannot slip a node of another kind in between the check and the write.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.name AS name_was, n.source AS owner_was, [kind IN labels(n) WHERE kind <> 'Entity'] AS kinds_was
SET n:$(row.label)
SET n += row.props
WITH row, name_was, owner_was, kinds_was
WHERE any(kind IN kinds_was WHERE kind <> row.label)
  OR (row.label = 'Person' AND name_was IS NOT NULL AND name_was <> row.props.name)
  OR (owner_was IS NOT NULL AND owner_was <> row.props.source)
RETURN row.id AS id
