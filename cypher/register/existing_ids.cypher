// name: register/existing_ids
// takes: $ids — role and body ids a membership register refers to
// returns: id, labels — one row per id; labels is empty when nothing has that id
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, [label IN coalesce(labels(n), []) WHERE label <> 'Entity'] AS labels
